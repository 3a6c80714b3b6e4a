import { describe, expect, it } from 'vitest';
import { isOrganisation, parseByline, personName } from './names.ts';

const none = { organisations: [] };

describe('isOrganisation', () => {
  it.each([
    ['South Front', { organisations: ['South Front'] }, true],
    ['Global Research News', none, true],
    ['Reuters', none, true],
    ['BBC News', none, true],
    ['Human Rights Watch', none, true],
    ["Children's Health Defense Team", none, true],
    ['Centre for Research on Globalization', none, true],
    ['Jane Doe', none, false],
    ['Michel Chossudovsky', none, false],
    ['J. R. R. Tolkien', none, false],
    ['Maria José Fernández', none, false],
  ])('%s → %s', (name, context, expected) => {
    expect(isOrganisation(name, context)).toBe(expected);
  });

  it('treats a byline that names the original publication as an organisation', () => {
    expect(isOrganisation('Strategic Culture', { organisations: ['Strategic Culture'] })).toBe(
      true,
    );
    expect(isOrganisation('Strategic Culture', none)).toBe(false);
  });
});

describe('personName', () => {
  it.each([
    ['Jane Doe', { family: 'Doe', given: 'Jane' }],
    ['Prof Michel Chossudovsky', { family: 'Chossudovsky', given: 'Michel' }],
    ['Dr. Gary G. Kohls', { family: 'Kohls', given: 'Gary G.' }],
    [
      'Ludwig van Beethoven',
      { family: 'Beethoven', given: 'Ludwig', 'non-dropping-particle': 'van' },
    ],
    ['Martin Luther King Jr.', { family: 'King', given: 'Martin Luther', suffix: 'Jr.' }],
    ['Doe, Jane', { family: 'Doe', given: 'Jane' }],
  ])('%s', (name, expected) => {
    expect(personName(name)).toEqual(expected);
  });
});

describe('parseByline', () => {
  it('splits people joined by commas, "and" and "&"', () => {
    expect(parseByline('Ann Lee, Bo Chen & Carla Diaz', none)).toEqual([
      { family: 'Lee', given: 'Ann' },
      { family: 'Chen', given: 'Bo' },
      { family: 'Diaz', given: 'Carla' },
    ]);
  });

  it('keeps an organisation whole even when its name holds "and"', () => {
    expect(parseByline('Institute for Peace and Conflict Studies', none)).toEqual([
      { literal: 'Institute for Peace and Conflict Studies' },
    ]);
  });

  it('drops a place and a role after the name', () => {
    expect(parseByline('Sam Okafor in Lagos', none)).toEqual([{ family: 'Okafor', given: 'Sam' }]);
    expect(parseByline('Sam Okafor, Senior Correspondent', none)).toEqual([
      { family: 'Okafor', given: 'Sam' },
    ]);
  });

  it('ignores what follows a bar ("Jane Doe | The Site")', () => {
    expect(parseByline('Jane Doe | Daily Planet', none)).toEqual([
      { family: 'Doe', given: 'Jane' },
    ]);
  });
});

describe('isOrganisation with connecting words', () => {
  it.each(['Moon of Alabama', 'The Saker', 'Friends of the Earth', 'Doctors for Peace'])(
    '%s',
    (name) => {
      expect(isOrganisation(name, none)).toBe(true);
    },
  );
});

describe('publications named like people', () => {
  it.each(["Washington's Blog", 'Information Clearing House', 'Daily Sentinel'])('%s', (name) => {
    expect(isOrganisation(name, none)).toBe(true);
  });
});
