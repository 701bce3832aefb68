import type { reportCalls } from '@shared/contract/reports';
import type { HandlersFor } from '../handlers';
import type { StaffPresence } from '../staff-presence';
import type { Reports } from './reports';

export function reportHandlers(reports: Reports, presence: StaffPresence): HandlersFor<keyof typeof reportCalls> {
  const supervisor = () => {
    const current = presence.current();
    if (!current) throw new Error('dispatcher let an anonymous report call through');
    return current;
  };
  return {
    'report.day': ({ date }) => reports.day(date),
    'report.export': ({ date, format }) => reports.export(supervisor(), date, format),
    'day.close': ({ date }) => reports.close(supervisor(), date),
  };
}
