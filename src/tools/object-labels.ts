import { COCO_LABELS } from '../shared/coco-labels';
import { words } from './text/tokenize';

const VEHICLES = ['car', 'bus', 'truck', 'motorcycle', 'bicycle', 'train'];
/** COCO's animals: the ten labels from 'bird' to 'giraffe', in the detector's order. */
const ANIMALS = COCO_LABELS.slice(COCO_LABELS.indexOf('bird'), COCO_LABELS.indexOf('giraffe') + 1);

/** Everyday words for COCO classes (the detector's 80 labels). */
const SYNONYMS: Record<string, string[]> = {
  people: ['person'],
  man: ['person'],
  men: ['person'],
  woman: ['person'],
  women: ['person'],
  child: ['person'],
  children: ['person'],
  kid: ['person'],
  boy: ['person'],
  girl: ['person'],
  human: ['person'],
  someone: ['person'],
  crowd: ['person'],
  automobile: ['car'],
  vehicle: VEHICLES,
  bike: ['bicycle', 'motorcycle'],
  motorbike: ['motorcycle'],
  lorry: ['truck'],
  plane: ['airplane'],
  aeroplane: ['airplane'],
  ship: ['boat'],
  animal: ANIMALS,
  puppy: ['dog'],
  kitten: ['cat'],
  necktie: ['tie'],
  ball: ['sports ball'],
  football: ['sports ball'],
  phone: ['cell phone'],
  smartphone: ['cell phone'],
  mobile: ['cell phone'],
  television: ['tv'],
  monitor: ['tv'],
  computer: ['laptop'],
  sofa: ['couch'],
  plant: ['potted plant'],
  table: ['dining table'],
  bag: ['handbag', 'backpack', 'suitcase'],
  purse: ['handbag'],
  glass: ['wine glass', 'cup'],
  mug: ['cup'],
};

const LABELS = new Set<string>(COCO_LABELS);

/** A word and its simple singular forms ("buses" → "bus", "cars" → "car", "ties" → "tie"). */
function forms(word: string): string[] {
  const found = [word];
  if (word.endsWith('es')) found.push(word.slice(0, -2), word.slice(0, -1));
  else if (word.endsWith('s')) found.push(word.slice(0, -1));
  return found;
}

/**
 * The COCO labels a word or phrase means: itself when it is one ("cell phone"), a synonym's
 * labels ("people" → person, "vehicle" → car, bus, truck…), or none.
 */
export function cocoLabelsFor(phrase: string): string[] {
  const text = words(phrase).join(' ');
  for (const form of forms(text)) {
    if (LABELS.has(form)) return [form];
    const synonyms = SYNONYMS[form];
    if (synonyms) return synonyms;
  }
  return [];
}

/** Every COCO label named in a text, in order of mention (for query routing). */
export function cocoLabelsIn(text: string): string[] {
  const tokens = words(text);
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Two-word labels first ("cell phone", "hot dog"), so "hot dog" doesn't also count as a dog.
    let labels = cocoLabelsFor(`${tokens[i]} ${tokens[i + 1] ?? ''}`);
    if (labels.length > 0) i++;
    else labels = cocoLabelsFor(tokens[i] ?? '');
    for (const label of labels) if (!found.includes(label)) found.push(label);
  }
  return found;
}
