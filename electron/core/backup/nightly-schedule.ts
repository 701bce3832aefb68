/** Kenya keeps UTC+3 all year; the kiosk's own time zone is often UTC. */
const EAT_OFFSET_MINUTES = 180;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Milliseconds from `now` to the next `hour:minute` in Kenya time (a full day if it is exactly now). */
export function msUntilNextKenyaTime(now: Date, hour: number, minute: number): number {
  const kenyaMinutes = (now.getUTCHours() * 60 + now.getUTCMinutes() + EAT_OFFSET_MINUTES) % (24 * 60);
  const targetMinutes = hour * 60 + minute;
  const sinceMidnightMs = (kenyaMinutes * 60 + now.getUTCSeconds()) * 1000 + now.getUTCMilliseconds();
  const wait = (targetMinutes * 60_000 - sinceMidnightMs + DAY_MS) % DAY_MS;
  return wait === 0 ? DAY_MS : wait;
}

/**
 * Runs `job` every night at `hour:minute` Kenya time, one run at a time, re-planning from
 * the clock after each run so a slow run or a suspended machine does not drift it. The
 * job reports its own failures; a failed night does not stop the next. The timer does not
 * keep the process alive. Returns the function that stops it.
 */
export function scheduleNightly(options: { hour: number; minute: number; now: () => Date; job: () => Promise<unknown> }): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const plan = () => {
    if (stopped) return;
    timer = setTimeout(() => void options.job().then(plan, plan), msUntilNextKenyaTime(options.now(), options.hour, options.minute));
    timer.unref();
  };
  plan();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
