import { publicStatisticsSwitchSchema } from '../../shared/stats';
import { ADMIN } from '../auth/roles';
import { staffAction } from '../staff/action';

/** The statistics' one switch: whether the public statistics page is on (audited with the change). */
export const STATISTICS_ACTIONS = [
  staffAction({
    summary: 'Switch the public statistics page on or off',
    method: 'PUT',
    path: 'settings/public-statistics',
    roles: ADMIN,
    input: publicStatisticsSwitchSchema,
    run: async ({ services, actor }, { enabled }) => {
      const { atomic, audit, statsSettings, clock } = services;
      await atomic([
        statsSettings.setPublicPage(enabled, clock.now().toISOString()),
        audit.entry(actor, 'statistics.public_page', { detail: { enabled } }),
      ]);
    },
    answer: (_, { enabled }) => ({ enabled }),
    page: {
      back: () => '/staff/statistics',
      notice: (_, { enabled }) => (enabled ? 'notices.public_statistics_on' : 'notices.public_statistics_off'),
    },
  }),
];
