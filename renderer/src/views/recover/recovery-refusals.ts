/** A locked-out ID number goes to the counter screen, whatever recovery step found it out. */
export const lockedOutGoesToCounter = { 'recovery.lockedOut': 'recover-counter' } as const;
