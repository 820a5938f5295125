/** Bounds on what people can send: kept free of zod so that browser code can import them cheaply. */
export const DESCRIPTION_MAX = 20_000;
export const CONSEQUENCES_MAX = 5_000;
export const MESSAGE_MAX = 10_000;
export const EARLIEST_YEAR = 1990;
export const NOTE_MAX = 10_000;
export const SEARCH_MAX = 200;
