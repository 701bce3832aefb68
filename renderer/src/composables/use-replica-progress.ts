import { useI18n } from 'vue-i18n';
import type { ReplicaLoad } from '@shared/contract/sync';
import type { Locale } from '@shared/result';

/** Counts as Kenya writes them in both languages: 1,204,311. */
export const formatCount = (n: number): string => n.toLocaleString('en-KE');

/**
 * The words for a replica load's progress, in a given language: the out-of-service screen
 * shows both at once, the staff's sync line the visit's own.
 */
export function useReplicaProgress() {
  const { t, locale: current } = useI18n();
  const locale = (chosen?: Locale) => chosen ?? (current.value as Locale);

  function timeLeft(load: ReplicaLoad, chosen?: Locale): string {
    const options = { locale: locale(chosen) };
    const seconds = load.secondsLeft;
    if (seconds === null) return t('sync.left.estimating', {}, options);
    if (seconds < 60) return t('sync.left.underMinute', {}, options);
    const minutes = Math.ceil(seconds / 60);
    if (minutes < 60) return t('sync.left.minutes', { count: minutes }, { ...options, plural: minutes });
    return t('sync.left.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 }, options);
  }

  /** The share loaded, 0–100, when the hub told the total. */
  function percent(load: ReplicaLoad): number | null {
    if (!load.totalRows) return null;
    return Math.min(100, Math.floor((load.rowsLoaded * 100) / load.totalRows));
  }

  return { timeLeft, percent };
}
