import { ACCOUNT_ACTIONS } from '../admin/actions';
import { CASE_ACTIONS } from '../cases/actions';
import { STATISTICS_ACTIONS } from '../stats/actions';
import type { StaffAction } from './action';

/**
 * Every change staff can make, each declared once (see ./action.ts): the page forms, the JSON routes, their
 * access rules and the API document are made from this list.
 */
export const STAFF_ACTIONS: readonly StaffAction[] = [...CASE_ACTIONS, ...ACCOUNT_ACTIONS, ...STATISTICS_ACTIONS];
