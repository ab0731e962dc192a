/** Groq's API root; groq-sdk appends `/openai/v1/…`. */
export const GROQ_BASE_URL = 'https://api.groq.com';
/** A current Groq model with tool calling. */
export const DEFAULT_GROQ_MODEL = 'openai/gpt-oss-20b';
