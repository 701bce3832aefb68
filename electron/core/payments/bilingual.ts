/** Text the kiosk shows or prints, in both of its languages. */
export interface Bilingual {
  readonly en: string;
  readonly sw: string;
}
