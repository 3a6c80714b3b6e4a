/**
 * Names that are proper nouns in any article: places, peoples, languages, faiths, days and
 * months. The article's own body teaches the rest (learnProperNouns); this list covers the
 * names a title mentions that the body happens not to repeat ("… What Comes Next for Europe?").
 * Left out on purpose: words that are just as often common words ("May", "March", "Chad",
 * "Jordan", "Polish", "Guinea").
 */
const LEXICON = `
Africa Antarctica Asia Australia Europe Eurasia America Americas Arctic Atlantic Pacific
Mediterranean Caribbean Balkans Baltic Caucasus Sahara Sahel Scandinavia Levant Gulf Oceania
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Austria Azerbaijan Bahamas Bahrain
Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei
Bulgaria Burkina Burundi Cambodia Cameroon Canada Chile China Colombia Comoros Congo Croatia
Cuba Cyprus Czechia Denmark Djibouti Dominica Ecuador Egypt Eritrea Estonia Eswatini Ethiopia
Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala Guyana Haiti
Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Kazakhstan
Kenya Kiribati Korea Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya
Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania
Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco Mozambique Myanmar Burma
Namibia Nauru Nepal Netherlands Nicaragua Nigeria Norway Oman Pakistan Palau Palestine Panama
Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa Senegal Serbia
Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland Syria
Taiwan Tajikistan Tanzania Thailand Togo Tonga Tunisia Turkey Turkmenistan Tuvalu Uganda Ukraine
Uruguay Uzbekistan Vanuatu Venezuela Vietnam Yemen Zambia Zimbabwe Britain England Scotland
Wales Crimea Donbas Gaza Kashmir Kurdistan Tibet Xinjiang Hong Kong Washington Moscow Beijing
London Paris Berlin Brussels Kabul Kyiv Kiev Tehran Baghdad Damascus Jerusalem Tokyo Delhi
African Albanian Algerian American Arab Arabic Argentine Armenian Asian Australian Austrian
Azerbaijani Belarusian Belgian Bolivian Bosnian Brazilian British Bulgarian Burmese Cambodian
Canadian Chilean Chinese Colombian Croatian Cuban Czech Danish Dutch Egyptian English Estonian
Ethiopian European Filipino Finnish French Georgian German Greek Haitian Hungarian Icelandic
Indian Indonesian Iranian Iraqi Irish Israeli Italian Japanese Jordanian Kazakh Kenyan Korean
Kurdish Kuwaiti Latin Latvian Lebanese Libyan Lithuanian Malaysian Mexican Mongolian Moroccan
Nepali Nigerian Norwegian Pakistani Palestinian Persian Peruvian Portuguese Romanian Russian
Rwandan Saudi Scottish Serbian Slovak Slovenian Somali Spanish Sudanese Swedish Swiss Syrian
Taiwanese Thai Tibetan Tunisian Turkish Ugandan Ukrainian Uzbek Venezuelan Vietnamese Welsh
Yemeni Pashtun Hindi Urdu Mandarin Cantonese Hebrew Swahili Yiddish Sanskrit
Christian Christianity Catholic Protestant Orthodox Muslim Islam Islamic Jewish Judaism Hindu
Hinduism Buddhist Buddhism Sikh Shia Sunni God Bible Quran Koran
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February April June July
September October November December Christmas Easter Ramadan
`;

const PHRASES = [
  'United States',
  'United Kingdom',
  'United Nations',
  'European Union',
  'Middle East',
  'Latin America',
  'North America',
  'South America',
  'Central America',
  'North Korea',
  'South Korea',
  'South Africa',
  'Saudi Arabia',
  'New Zealand',
  'New York',
  'White House',
  'Cold War',
  'World War',
];

export const PROPER_NOUN_LEXICON: readonly string[] = [
  ...LEXICON.split(/\s+/).filter(Boolean),
  ...PHRASES,
];
