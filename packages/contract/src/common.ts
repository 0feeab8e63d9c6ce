import { z } from 'zod';

/** A row id. */
export const idSchema = z.number().int().positive();
/** An instant, always sent as an ISO 8601 string in UTC (shown in Europe/Paris by the screens). */
export const instantSchema = z.iso.datetime();
/** A calendar day without a time zone, AAAA-MM-JJ. */
export const calendarDaySchema = z.iso.date();
