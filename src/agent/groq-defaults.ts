/** Groq's API root; groq-sdk appends `/openai/v1/…`. */
export const GROQ_BASE_URL = 'https://api.groq.com';
