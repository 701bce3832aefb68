import { msUntilNextKenyaTime } from '@shared/kenya/time';

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
