/** Bounds on what people can send: kept free of zod so that browser code can import them cheaply. */
export const DESCRIPTION_MAX = 20_000;
export const CONSEQUENCES_MAX = 5_000;
export const MESSAGE_MAX = 10_000;
export const EARLIEST_YEAR = 1990;

/**
 * The assistant's conversation lives in the browser and comes back with every turn: bounded so that one
 * conversation cannot grow without end, cost the model unbounded work, or outgrow the request size limit.
 */
export const ASSISTANT_MESSAGE_MAX = 4_000;
export const ASSISTANT_TURNS_MAX = 30;
export const ASSISTANT_CONVERSATION_MAX = 40_000;
export const NOTE_MAX = 10_000;
export const SEARCH_MAX = 200;
