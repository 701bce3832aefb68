/** English. Every key here must exist in sw.ts too (a test checks). */
export const en = {
  app: {
    name: 'eCitizen Kiosk',
    service: 'NTSA services',
  },
  attract: {
    touch: 'Touch the screen to start',
    services: 'Find your eCitizen account · Get back into it · Pay NTSA fees',
  },
  language: {
    title: 'Choose your language',
    english: 'English',
    kiswahili: 'Kiswahili',
  },
  home: {
    title: 'What would you like to do?',
    find: 'Find my account',
    findHint: 'See if you have an eCitizen account, and what NTSA matters are waiting',
    recover: 'Recover my account',
    recoverHint: 'Forgot your password, or lost your phone? Get back in with your ID',
    pay: 'Pay',
    payHint: 'Fines, licence renewal, vehicle search, or any eCitizen bill',
  },
  nav: {
    back: 'Back',
    startOver: 'Start over',
    help: 'Help',
    language: 'Kiswahili',
    step: 'Step {current} of {total}',
  },
  help: {
    title: 'Help',
    body: 'Touch the large buttons to move through the steps. If you need help, please ask a member of staff at the counter.',
    close: 'Close',
  },
  idle: {
    title: 'Are you still there?',
    body: 'For your privacy, this screen will clear in 1 second. | For your privacy, this screen will clear in {seconds} seconds.',
    more: 'I need more time',
    end: 'Finish now',
    staff: {
      title: 'Still working here?',
      body: 'Attended mode ends and this screen clears in 1 second. | Attended mode ends and this screen clears in {seconds} seconds.',
      more: 'I am still working',
      end: 'Sign out now',
    },
  },
  errors: {
    notConnected: 'This screen is not connected to the kiosk. Please ask a member of staff.',
  },
} as const;

export type Messages = typeof en;
