/**
 * Names for demo citizens. A TypeScript module rather than JSON so it loads the same way
 * under tsx, vitest and electron-vite without any resolver settings.
 *
 * Kenyans commonly carry a Christian or Muslim first name, a community name, and a
 * surname (Jane Wanjiku Kamau); the generator follows that pattern per community.
 */

export interface Community {
  readonly name: string;
  /** People in millions (2019 census): how often the generator picks this community. */
  readonly population: number;
  /** Which religious first names people of this community mostly carry. */
  readonly faith: 'christian' | 'muslim';
  /** Somali custom: the middle name is the father's name, so it is a male name for everyone. */
  readonly patronymic: boolean;
  readonly male: readonly string[];
  readonly female: readonly string[];
  readonly surnames: readonly string[];
}

export const CHRISTIAN_NAMES = {
  male: [
    'John', 'Peter', 'James', 'Joseph', 'David', 'Daniel', 'Samuel', 'Stephen', 'Paul',
    'Michael', 'George', 'Francis', 'Anthony', 'Patrick', 'Charles', 'Dennis', 'Kevin',
    'Brian', 'Collins', 'Victor', 'Moses', 'Isaac', 'Emmanuel', 'Geoffrey', 'Simon',
    'Wilson', 'Evans', 'Kennedy', 'Erick', 'Joshua', 'Elijah', 'Benson', 'Dominic', 'Felix',
    'Martin', 'Vincent', 'Timothy', 'Duncan', 'Edwin', 'Allan', 'Ian', 'Mark', 'Nicholas',
    'Robert', 'Titus', 'Josphat', 'Caleb', 'Alex', 'Philip', 'Benard',
  ],
  female: [
    'Mary', 'Jane', 'Grace', 'Faith', 'Mercy', 'Esther', 'Lucy', 'Ann', 'Joyce',
    'Elizabeth', 'Margaret', 'Catherine', 'Rose', 'Sarah', 'Ruth', 'Nancy', 'Caroline',
    'Beatrice', 'Susan', 'Agnes', 'Irene', 'Jacqueline', 'Purity', 'Diana', 'Winnie',
    'Sharon', 'Cynthia', 'Brenda', 'Eunice', 'Lilian', 'Gladys', 'Florence', 'Damaris',
    'Naomi', 'Priscilla', 'Hellen', 'Judith', 'Veronica', 'Monica', 'Janet', 'Josephine',
    'Christine', 'Emily', 'Everlyne', 'Millicent', 'Pauline', 'Tabitha', 'Doris', 'Maureen',
    'Joy',
  ],
} as const;

export const MUSLIM_NAMES = {
  male: [
    'Mohamed', 'Ali', 'Hassan', 'Hussein', 'Omar', 'Ibrahim', 'Abdullahi', 'Abdirahman',
    'Yusuf', 'Ismail', 'Ahmed', 'Salim', 'Rashid', 'Khalid', 'Bashir', 'Adan', 'Mustafa',
    'Suleiman', 'Issa', 'Hamza',
  ],
  female: [
    'Fatuma', 'Amina', 'Halima', 'Asha', 'Khadija', 'Mariam', 'Zainab', 'Hawa', 'Aisha',
    'Nasra', 'Sadia', 'Rukia', 'Safia', 'Habiba', 'Zeinab', 'Saida', 'Hafsa', 'Maryan',
    'Salma', 'Sumeya',
  ],
} as const;

export const COMMUNITIES: readonly Community[] = [
  {
    name: 'Kikuyu',
    population: 8.15,
    faith: 'christian',
    patronymic: false,
    male: [
      'Kamau', 'Mwangi', 'Njoroge', 'Kariuki', 'Githinji', 'Maina', 'Kimani', 'Gitau',
      'Waweru', 'Muriuki', 'Njuguna', 'Macharia', 'Wachira', 'Mugo', 'Kinyua', 'Karanja',
      'Kiarie', 'Ngugi', 'Mbugua', 'Irungu',
    ],
    female: [
      'Wanjiku', 'Wambui', 'Njeri', 'Wairimu', 'Nyambura', 'Wanjiru', 'Wangari', 'Waithera',
      'Muthoni', 'Njoki', 'Nyokabi', 'Wangui', 'Wacera', 'Mumbi', 'Wanjugu', 'Wangeci',
    ],
    surnames: [
      'Kamau', 'Mwangi', 'Njoroge', 'Kariuki', 'Githinji', 'Maina', 'Kimani', 'Gitau',
      'Waweru', 'Muriuki', 'Njuguna', 'Macharia', 'Wachira', 'Mugo', 'Kinyua', 'Karanja',
      'Kiarie', 'Ngugi', 'Mbugua', 'Irungu', 'Mburu', 'Kuria', 'Gachanja', 'Ndirangu',
      'Githae', 'Muchiri', 'Nganga', 'Gathogo',
    ],
  },
  {
    name: 'Luhya',
    population: 6.82,
    faith: 'christian',
    patronymic: false,
    male: [
      'Wafula', 'Wanjala', 'Barasa', 'Wekesa', 'Simiyu', 'Wanyama', 'Masinde', 'Shikuku',
      'Makokha', 'Khaemba', 'Wasike', 'Nyongesa', 'Wamalwa', 'Mukhwana', 'Khisa', 'Sifuna',
    ],
    female: [
      'Nafula', 'Nanjala', 'Naliaka', 'Nekesa', 'Nasimiyu', 'Namalwa', 'Nabwire', 'Muhonja',
      'Ayuma', 'Nasambu', 'Nangila', 'Nabalayo',
    ],
    surnames: [
      'Wafula', 'Wanjala', 'Barasa', 'Wekesa', 'Simiyu', 'Wanyama', 'Masinde', 'Shikuku',
      'Makokha', 'Khaemba', 'Wasike', 'Nyongesa', 'Wamalwa', 'Mukhwana', 'Khisa', 'Sifuna',
      'Mulongo', 'Namwamba', 'Echesa', 'Ambani', 'Lusweti', 'Mudavadi',
    ],
  },
  {
    name: 'Kalenjin',
    population: 6.36,
    faith: 'christian',
    patronymic: false,
    male: [
      'Kiprotich', 'Kipchumba', 'Kiptoo', 'Kipkemboi', 'Kibet', 'Kiprop', 'Kipkorir',
      'Kiplagat', 'Kipkoech', 'Cheruiyot', 'Kipngetich', 'Kipyegon', 'Kimutai', 'Kipsang',
    ],
    female: [
      'Chebet', 'Chepkoech', 'Jeptoo', 'Jepkosgei', 'Chepngetich', 'Cherono', 'Jepchirchir',
      'Chelimo', 'Jerotich', 'Chepkemoi', 'Chepchumba', 'Jelagat', 'Cherotich', 'Chepkorir',
    ],
    surnames: [
      'Rotich', 'Korir', 'Kemboi', 'Ruto', 'Koech', 'Langat', 'Kirui', 'Bett', 'Cheruiyot',
      'Kiprotich', 'Kiptoo', 'Kibet', 'Kiprop', 'Mutai', 'Sang', 'Keter', 'Tanui', 'Chirchir',
      'Kosgei', 'Biwott', 'Kiplagat', 'Ngetich',
    ],
  },
  {
    name: 'Luo',
    population: 5.07,
    faith: 'christian',
    patronymic: false,
    male: [
      'Otieno', 'Ochieng', 'Odhiambo', 'Omondi', 'Onyango', 'Owino', 'Okoth', 'Ouma',
      'Oduor', 'Okello', 'Juma', 'Otiende', 'Obuya', 'Odongo', 'Opiyo', 'Oloo',
    ],
    female: [
      'Akinyi', 'Atieno', 'Achieng', 'Adhiambo', 'Anyango', 'Awino', 'Akoth', 'Auma',
      'Apiyo', 'Aluoch', 'Akello', 'Amondi',
    ],
    surnames: [
      'Otieno', 'Ochieng', 'Odhiambo', 'Omondi', 'Onyango', 'Owino', 'Okoth', 'Ouma',
      'Oduor', 'Okello', 'Owuor', 'Otiende', 'Obuya', 'Odongo', 'Opiyo', 'Oloo', 'Odinga',
      'Ogola', 'Oketch', 'Olang', 'Ongaro',
    ],
  },
  {
    name: 'Kamba',
    population: 4.66,
    faith: 'christian',
    patronymic: false,
    male: [
      'Mutua', 'Musyoka', 'Mwendwa', 'Kioko', 'Muema', 'Mutisya', 'Nzioka', 'Mulwa', 'Kyalo',
      'Munyao', 'Kilonzo', 'Wambua', 'Musau', 'Muthama', 'Mbithi', 'Mutinda',
    ],
    female: [
      'Mwikali', 'Mueni', 'Ndinda', 'Mwende', 'Kanini', 'Syokau', 'Ndunge', 'Nduku',
      'Mumbua', 'Kasyoka', 'Mwongeli', 'Ndanu', 'Katunge', 'Kavata',
    ],
    surnames: [
      'Mutua', 'Musyoka', 'Mwendwa', 'Kioko', 'Muema', 'Mutisya', 'Nzioka', 'Mulwa', 'Kyalo',
      'Munyao', 'Kilonzo', 'Wambua', 'Ndambuki', 'Musau', 'Muthama', 'Kitheka', 'Nzomo',
      'Mbithi', 'Mutinda', 'Kimeu', 'Maingi', 'Kasyoki',
    ],
  },
  {
    name: 'Somali',
    population: 2.78,
    faith: 'muslim',
    patronymic: true,
    male: [
      'Abdi', 'Farah', 'Aden', 'Noor', 'Osman', 'Issack', 'Dahir', 'Abdinoor', 'Mahamud',
      'Abdikadir', 'Guled', 'Hirsi', 'Warsame', 'Abdiaziz', 'Mohamud', 'Abdiwahab',
    ],
    female: [
      'Hodan', 'Ubah', 'Sahra', 'Deqa', 'Ifrah', 'Fardowsa', 'Ikran', 'Sagal', 'Hibaq', 'Ayan',
      'Idil', 'Najma', 'Fadumo', 'Shamsa',
    ],
    surnames: [
      'Abdi', 'Farah', 'Aden', 'Noor', 'Osman', 'Dahir', 'Gedi', 'Warsame', 'Duale', 'Barre',
      'Kassim', 'Hirsi', 'Mohamud', 'Sheikh', 'Elmi', 'Jama', 'Abdullahi', 'Ibrahim',
      'Hassan', 'Omar',
    ],
  },
  {
    name: 'Kisii',
    population: 2.7,
    faith: 'christian',
    patronymic: false,
    male: [
      'Nyamweya', 'Ongeri', 'Mogaka', 'Omwenga', 'Nyakundi', 'Onsongo', 'Nyaboga', 'Ogeto',
      'Mokaya', 'Momanyi', 'Makori', 'Ondieki', 'Orina', 'Obare', 'Ombui', 'Matara',
    ],
    female: [
      'Moraa', 'Kerubo', 'Kwamboka', 'Nyaboke', 'Bosibori', 'Nyanchama', 'Kemunto',
      'Nyamoita', 'Gesare', 'Kemuma', 'Mokeira', 'Nyaboe',
    ],
    surnames: [
      'Nyamweya', 'Ongeri', 'Mogaka', 'Omwenga', 'Nyakundi', 'Onsongo', 'Nyaboga', 'Ogeto',
      'Mokaya', 'Momanyi', 'Makori', 'Ondieki', 'Orina', 'Obare', 'Ombui', 'Matara',
      "Nyang'au", 'Oirere', 'Ogwora', 'Mose', 'Nyachae', 'Omanga',
    ],
  },
  {
    name: 'Mijikenda',
    population: 2.49,
    faith: 'christian',
    patronymic: false,
    male: [
      'Kazungu', 'Karisa', 'Baya', 'Charo', 'Kahindi', 'Katana', 'Kenga', 'Kalume', 'Ngala',
      'Tsuma', 'Kombe', 'Mramba', 'Nyale', 'Chengo', 'Kitsao', 'Ngowa',
    ],
    female: [
      'Kadzo', 'Dama', 'Sidi', 'Kanze', 'Nyevu', 'Kache', 'Kahonzi', 'Mwanamisi', 'Zawadi',
      'Rehema', 'Furaha', 'Mapenzi',
    ],
    surnames: [
      'Kazungu', 'Karisa', 'Baya', 'Charo', 'Kahindi', 'Katana', 'Kenga', 'Kalume', 'Ngala',
      'Tsuma', 'Kombe', 'Mramba', 'Nyale', 'Chengo', 'Kitsao', 'Ngowa', 'Masha', 'Mwamuye',
      'Mwachiro', 'Kalama', 'Jefwa', 'Mwaro',
    ],
  },
  {
    name: 'Meru',
    population: 1.98,
    faith: 'christian',
    patronymic: false,
    male: [
      'Mutwiri', 'Kirimi', 'Murithi', 'Kinoti', 'Mugambi', 'Gitonga', 'Mwiti', 'Kimathi',
      'Muthuri', 'Kaberia', 'Muriungi', 'Mbaabu', 'Koome', 'Kiogora', 'Mutuma', 'Kobia',
    ],
    female: [
      'Kawira', 'Makena', 'Kagendo', 'Nkirote', 'Kendi', 'Gatwiri', 'Kathure', 'Nkatha',
      'Kananu', 'Karambu', 'Mukami', 'Kinya',
    ],
    surnames: [
      'Mutwiri', 'Kirimi', 'Murithi', 'Kinoti', 'Mugambi', 'Gitonga', 'Mwiti', 'Kimathi',
      'Muthuri', 'Kaberia', 'Muriungi', 'Mbaabu', 'Koome', 'Kiogora', 'Mutuma', 'Bundi',
      'Kobia', 'Ntongai', 'Kiugu', 'Marete',
    ],
  },
  {
    name: 'Maasai',
    population: 1.19,
    faith: 'christian',
    patronymic: false,
    male: [
      'Saitoti', 'Lemayian', 'Sankale', 'Parsimei', 'Lenku', 'Metito', 'Lemein', 'Tipape',
      'Sempele', 'Leshan', 'Saruni', 'Koikai', 'Kisemei', 'Nkoitiko',
    ],
    female: [
      'Naserian', 'Nashipae', 'Naisiae', 'Nalangu', 'Naipanoi', 'Nasieku', 'Resian', 'Soila',
      'Namunyak', 'Seleyian', 'Sintamei', 'Noonkipa',
    ],
    surnames: [
      'Saitoti', 'Ntimama', 'Sankok', 'Nkaiserry', 'Lenku', 'Kores', 'Kasaine', 'Parsimei',
      'Sempele', 'Leshan', 'Koikai', 'Metito', 'Tipape', 'Lemayian', 'Kisemei', 'Nampaso',
      'Moipei', 'Saruni', 'Sapit', 'Tobiko',
    ],
  },
];

/** Kinds of small business, for the names of business accounts ('Kamau Hardware Ltd'). */
export const BUSINESS_KINDS = [
  'Hardware', 'Agencies', 'Traders', 'Transporters', 'Motors', 'Supplies',
  'General Merchants', 'Investments', 'Logistics', 'Ventures', 'Agrovet', 'Builders',
  'Electricals', 'Pharmacy', 'Auto Spares', 'Tours and Travel', 'Enterprises', 'Farm Produce',
] as const;

export const BUSINESS_SUFFIXES = ['Ltd', 'Limited', 'Company Ltd'] as const;
