/** Search vectors for a query, in the sentence space or CLIP's (`window.bri.embedQuery`). */
export { embedQuery, type QuerySpace } from '../pipeline/embed-query';
