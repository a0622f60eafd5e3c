// Synthetic news prose for the benchmark corpus. Sentences are written in a canonical ASCII form:
// `"` for quotation marks, `'` for apostrophes and ` - ` for dashes; `renderTypography` turns them
// into a seed's house style one character for one character, so offsets stay the same.

import type { Random } from './random.ts';

const FIRST = [
  'Anna',
  'Boris',
  'Carla',
  'Dmitry',
  'Elena',
  'Farid',
  'Greta',
  'Hassan',
  'Irina',
  'Jonas',
  'Katya',
  'Luis',
  'Marta',
  'Nikolai',
  'Olga',
  'Pavel',
  'Quentin',
  'Rosa',
  'Sergei',
  'Tamara',
  'Ulrich',
  'Vera',
  'Walter',
  'Ximena',
  'Yusuf',
  'Zofia',
  'Amir',
  'Bianca',
  'Cyril',
  'Dana',
  'Emil',
  'Fatima',
  'Gustav',
  'Helena',
  'Ivo',
  'Jana',
];
const LAST = [
  'Petrenko',
  'Kowalski',
  'Moreau',
  'Lindqvist',
  'Haddad',
  'Novak',
  'Fischer',
  'Romero',
  'Ivanova',
  'Okafor',
  'Bauer',
  'Costa',
  'Dimitrov',
  'Egan',
  'Fontaine',
  'Gruber',
  'Horvath',
  'Jensen',
  'Kaur',
  'Larsen',
  'Meyer',
  'Nakamura',
  'Oliveira',
  'Popescu',
  'Quinn',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Urbano',
  'Varga',
  'Weber',
  'Zielinski',
];
const ROLE = [
  'the deputy minister of finance',
  'a senior government adviser',
  'the regional governor',
  'the opposition leader',
  'a spokesperson for the ministry',
  'the head of the electoral commission',
  'the defence minister',
  'an economist at the central bank',
  'the mayor of the capital',
  'a former ambassador',
  'the health commissioner',
  'a member of parliament',
  'the chair of the energy committee',
  'a union representative',
  'the foreign minister',
];
const ORG = [
  'the central bank',
  'the statistics office',
  'the national grid operator',
  'the electoral commission',
  'the health ministry',
  'the port authority',
  'the audit court',
  'the railway company',
  'the energy regulator',
  "the farmers' association",
  "the teachers' union",
  'the chamber of commerce',
  'the coast guard',
  'the city council',
  'the weather service',
  'the competition authority',
  'the water board',
  'the housing agency',
];
const PLACE = [
  'the northern provinces',
  'the capital',
  'the border region',
  'the coastal towns',
  'the industrial east',
  'the river valley',
  'the southern districts',
  'the mountain villages',
  'the port city',
  'the western suburbs',
  'the old mining towns',
  'the islands',
  'the farming belt',
  'the university district',
  'the new harbour',
];
const THING = [
  'fuel prices',
  'the wheat harvest',
  'rail freight',
  'hospital waiting lists',
  'school funding',
  'the grain corridor',
  'electricity exports',
  'the pension reform',
  'bread prices',
  'the housing shortage',
  'public debt',
  'youth unemployment',
  'the new motorway',
  'water quality',
  'gas reserves',
  'tourist arrivals',
  'the minimum wage',
  'broadband coverage',
  'the defence budget',
  'rental costs',
  'the fishing quota',
  'vaccine uptake',
  'steel output',
];
const CHANGE = [
  'rose',
  'fell',
  'doubled',
  'dropped sharply',
  'climbed steadily',
  'stayed flat',
  'halved',
  'recovered',
  'slipped',
  'jumped',
  'grew',
  'declined',
];
const SAY = ['said', 'claimed', 'told reporters', 'insisted', 'argued', 'wrote', 'stated', 'suggested', 'warned'];
const TIME = [
  'on Monday',
  'on Tuesday',
  'on Wednesday',
  'on Thursday',
  'on Friday',
  'over the weekend',
  'last month',
  'earlier this week',
  'in the spring',
  'since January',
  'during the winter',
  'late on Sunday',
  'this year',
];
const ADJ = [
  'unprecedented',
  'modest',
  'serious',
  'temporary',
  'historic',
  'limited',
  'dramatic',
  'unexpected',
  'gradual',
  'significant',
  'careful',
  'bold',
  'costly',
  'narrow',
  'broad',
];
const NOUN = [
  'plan',
  'decision',
  'report',
  'agreement',
  'investigation',
  'proposal',
  'audit',
  'survey',
  'forecast',
  'deal',
  'strategy',
  'review',
  'package',
  'programme',
  'inquiry',
];
const UNIT = ['percent', 'million euros', 'billion euros', 'tonnes', 'jobs', 'households', 'kilometres', 'schools'];

function person(r: Random): string {
  return `${r.pick(FIRST)} ${r.pick(LAST)}`;
}

function figure(r: Random): string {
  const whole = r.int(2, 980);
  return r.chance(0.4) ? `${whole}.${r.int(1, 9)}` : String(whole);
}

function withArticle(word: string): string {
  return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

type Template = (r: Random) => string;

const TEMPLATES: Template[] = [
  (r) =>
    `${capitalise(r.pick(THING))} ${r.pick(CHANGE)} by ${figure(r)} ${r.pick(UNIT)} in ${r.pick(PLACE)} ${r.pick(TIME)}, according to ${r.pick(ORG)}.`,
  (r) =>
    `"The ${r.pick(NOUN)} is ${r.pick(ADJ)} and it will change ${r.pick(THING)} for good," ${person(r)}, ${r.pick(ROLE)}, ${r.pick(SAY)} ${r.pick(TIME)}.`,
  (r) =>
    `${person(r)} ${r.pick(SAY)} that ${r.pick(ORG)} had known about the ${r.pick(ADJ)} ${r.pick(NOUN)} since ${r.pick(TIME).replace(/^(on|in|over|during|since|late on) /, '')}.`,
  (r) => `Critics of ${person(r)} say the ${r.pick(NOUN)} on ${r.pick(THING)} is ${r.pick(ADJ)} - a view ${r.pick(ORG)} rejects.`,
  (r) =>
    `In ${r.pick(PLACE)} and ${r.pick(PLACE)}, ${r.pick(THING)} ${r.pick(CHANGE)} for the ${['second', 'third', 'fourth', 'fifth'][r.int(0, 3)]} time in ${r.int(2, 9)} years.`,
  (r) =>
    `${capitalise(r.pick(ORG))} published ${withArticle(r.pick(ADJ))} ${r.pick(NOUN)} showing that ${figure(r)} ${r.pick(UNIT)} were affected in ${r.pick(PLACE)}.`,
  (r) => `"We did not expect ${r.pick(THING)} to move this fast," ${r.pick(SAY)} ${person(r)}, who leads ${r.pick(ORG)}'s ${r.pick(NOUN)}.`,
  (r) =>
    `It's the ${r.pick(ADJ)} ${r.pick(NOUN)} that ${r.pick(PLACE)} has seen in ${r.int(3, 40)} years, and residents told ${person(r)} they weren't consulted.`,
  (r) =>
    `According to ${person(r)}, ${r.pick(ROLE)}, the ${r.pick(NOUN)} will cost ${figure(r)} ${r.pick(UNIT)} over ${r.int(2, 12)} years.`,
  (r) =>
    `Asked whether ${r.pick(THING)} would recover, ${person(r)} replied: "Definitely not before ${r.pick(['spring', 'summer', 'autumn', 'winter'])}."`,
  (r) => `The figures - ${figure(r)} ${r.pick(UNIT)} in ${r.pick(PLACE)} alone - could not be independently verified.`,
  (r) =>
    `${capitalise(r.pick(ROLE))} has called the ${r.pick(NOUN)} "${r.pick(ADJ)} but necessary" and promised a ${r.pick(NOUN)} of ${r.pick(THING)}.`,
  (r) => `Officials in ${r.pick(PLACE)} ${r.pick(SAY)} ${r.pick(TIME)} that ${r.pick(THING)} and ${r.pick(THING)} were linked.`,
  (r) =>
    `${person(r)} didn't answer questions about the ${r.pick(NOUN)}, which ${r.pick(ORG)} had ${['approved', 'rejected', 'delayed', 'criticised'][r.int(0, 3)]} ${r.pick(TIME)}.`,
];

/** One sentence in canonical ASCII form. Never starts with a digit or a Markdown marker. */
export function sentence(r: Random): string {
  return r.pick(TEMPLATES)(r);
}

export function headline(r: Random): string {
  return `${capitalise(r.pick(THING))} ${r.pick(CHANGE)} in ${r.pick(PLACE)} as ${r.pick(ORG)} weighs ${withArticle(r.pick(ADJ))} ${r.pick(NOUN)}`;
}

export function personName(r: Random): string {
  return person(r);
}

const DISTINCTIVE = new RegExp(`\\d\\.\\d|\\d{3}|\\b(?:${FIRST.join('|')}) (?:${LAST.join('|')})\\b`);

/**
 * Whether a span carries a precise figure (three digits or a decimal) or a full name: what an editor
 * quotes, and what keeps a span of templated prose from being a stock phrase of thousands of seeds.
 */
export function distinctive(canonical: string): boolean {
  return DISTINCTIVE.test(canonical);
}

export interface Typography {
  curlyQuotes: boolean;
  dash: '-' | '\u2013' | '\u2014';
}

/** The seed's house style: curly quotes/apostrophes and en/em dashes. Same length as the input. */
export function renderTypography(canonical: string, style: Typography): string {
  let out = '';
  let open = true;
  for (let i = 0; i < canonical.length; i++) {
    const c = canonical[i]!;
    if (c === '"' && style.curlyQuotes) {
      out += open ? '\u201c' : '\u201d';
      open = !open;
    } else if (c === '"') {
      out += c;
      open = !open;
    } else if (c === "'" && style.curlyQuotes) {
      out += '\u2019';
    } else if (c === '-' && canonical[i - 1] === ' ' && canonical[i + 1] === ' ') {
      out += style.dash;
    } else {
      out += c;
    }
  }
  return out;
}
