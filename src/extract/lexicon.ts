/** Gazetteers and word lists the rule-based extractor relies on. Small, curated, deterministic. */

export interface CountryInfo {
  name: string;
  aliases: string[];
  demonym: string;
  capital?: string;
}

export const COUNTRIES: CountryInfo[] = [
  { name: 'United States', aliases: ['US', 'U.S.', 'USA', 'America', 'United States of America'], demonym: 'American', capital: 'Washington' },
  { name: 'North Korea', aliases: ['DPRK'], demonym: 'North Korean', capital: 'Pyongyang' },
  { name: 'South Korea', aliases: ['Republic of Korea'], demonym: 'South Korean', capital: 'Seoul' },
  { name: 'Russia', aliases: ['Russian Federation'], demonym: 'Russian', capital: 'Moscow' },
  { name: 'China', aliases: ["People's Republic of China", 'PRC'], demonym: 'Chinese', capital: 'Beijing' },
  { name: 'Japan', aliases: [], demonym: 'Japanese', capital: 'Tokyo' },
  { name: 'Vietnam', aliases: ['Viet Nam'], demonym: 'Vietnamese', capital: 'Hanoi' },
  { name: 'United Kingdom', aliases: ['UK', 'U.K.', 'Britain', 'Great Britain'], demonym: 'British', capital: 'London' },
  { name: 'France', aliases: [], demonym: 'French', capital: 'Paris' },
  { name: 'Germany', aliases: [], demonym: 'German', capital: 'Berlin' },
  { name: 'Italy', aliases: [], demonym: 'Italian', capital: 'Rome' },
  { name: 'Spain', aliases: [], demonym: 'Spanish', capital: 'Madrid' },
  { name: 'Ireland', aliases: [], demonym: 'Irish', capital: 'Dublin' },
  { name: 'India', aliases: [], demonym: 'Indian', capital: 'New Delhi' },
  { name: 'Pakistan', aliases: [], demonym: 'Pakistani', capital: 'Islamabad' },
  { name: 'Iran', aliases: [], demonym: 'Iranian', capital: 'Tehran' },
  { name: 'Iraq', aliases: [], demonym: 'Iraqi', capital: 'Baghdad' },
  { name: 'Syria', aliases: [], demonym: 'Syrian', capital: 'Damascus' },
  { name: 'Israel', aliases: [], demonym: 'Israeli', capital: 'Jerusalem' },
  { name: 'Afghanistan', aliases: [], demonym: 'Afghan', capital: 'Kabul' },
  { name: 'Ukraine', aliases: [], demonym: 'Ukrainian', capital: 'Kyiv' },
  { name: 'Canada', aliases: [], demonym: 'Canadian', capital: 'Ottawa' },
  { name: 'Mexico', aliases: [], demonym: 'Mexican', capital: 'Mexico City' },
  { name: 'Brazil', aliases: [], demonym: 'Brazilian', capital: 'Brasilia' },
  { name: 'Australia', aliases: [], demonym: 'Australian', capital: 'Canberra' },
  { name: 'Egypt', aliases: [], demonym: 'Egyptian', capital: 'Cairo' },
  { name: 'Saudi Arabia', aliases: [], demonym: 'Saudi', capital: 'Riyadh' },
  { name: 'Turkey', aliases: [], demonym: 'Turkish', capital: 'Ankara' },
  { name: 'Cuba', aliases: [], demonym: 'Cuban', capital: 'Havana' },
  { name: 'Singapore', aliases: [], demonym: 'Singaporean' },
  { name: 'Scotland', aliases: [], demonym: 'Scottish', capital: 'Edinburgh' },
  { name: 'Wales', aliases: [], demonym: 'Welsh', capital: 'Cardiff' },
  { name: 'England', aliases: [], demonym: 'English' },
  { name: 'Netherlands', aliases: ['Holland'], demonym: 'Dutch', capital: 'Amsterdam' },
  { name: 'Belgium', aliases: [], demonym: 'Belgian', capital: 'Brussels' },
  { name: 'Switzerland', aliases: [], demonym: 'Swiss', capital: 'Bern' },
  { name: 'Sweden', aliases: [], demonym: 'Swedish', capital: 'Stockholm' },
  { name: 'Norway', aliases: [], demonym: 'Norwegian', capital: 'Oslo' },
  { name: 'Poland', aliases: [], demonym: 'Polish', capital: 'Warsaw' },
  { name: 'Greece', aliases: [], demonym: 'Greek', capital: 'Athens' },
  { name: 'Nigeria', aliases: [], demonym: 'Nigerian', capital: 'Abuja' },
  { name: 'South Africa', aliases: [], demonym: 'South African', capital: 'Pretoria' },
  { name: 'Kenya', aliases: [], demonym: 'Kenyan', capital: 'Nairobi' },
  { name: 'Argentina', aliases: [], demonym: 'Argentine', capital: 'Buenos Aires' },
  { name: 'Indonesia', aliases: [], demonym: 'Indonesian', capital: 'Jakarta' },
  { name: 'Taiwan', aliases: [], demonym: 'Taiwanese', capital: 'Taipei' },
  { name: 'Venezuela', aliases: [], demonym: 'Venezuelan', capital: 'Caracas' },
  { name: 'Libya', aliases: [], demonym: 'Libyan', capital: 'Tripoli' },
  { name: 'Lebanon', aliases: [], demonym: 'Lebanese', capital: 'Beirut' },
  { name: 'Jordan', aliases: [], demonym: 'Jordanian', capital: 'Amman' },
  { name: 'Qatar', aliases: [], demonym: 'Qatari', capital: 'Doha' },
  { name: 'Finland', aliases: [], demonym: 'Finnish', capital: 'Helsinki' },
  { name: 'Denmark', aliases: [], demonym: 'Danish', capital: 'Copenhagen' },
  { name: 'Portugal', aliases: [], demonym: 'Portuguese', capital: 'Lisbon' },
  { name: 'Austria', aliases: [], demonym: 'Austrian', capital: 'Vienna' },
  { name: 'New Zealand', aliases: [], demonym: 'New Zealander', capital: 'Wellington' },
  { name: 'Thailand', aliases: [], demonym: 'Thai', capital: 'Bangkok' },
  { name: 'Philippines', aliases: [], demonym: 'Filipino', capital: 'Manila' },
  { name: 'Malaysia', aliases: [], demonym: 'Malaysian', capital: 'Kuala Lumpur' },
  { name: 'Zimbabwe', aliases: [], demonym: 'Zimbabwean', capital: 'Harare' },
  { name: 'Sudan', aliases: [], demonym: 'Sudanese', capital: 'Khartoum' },
  { name: 'Colombia', aliases: [], demonym: 'Colombian', capital: 'Bogota' },
  { name: 'Chile', aliases: [], demonym: 'Chilean', capital: 'Santiago' },
  { name: 'Hungary', aliases: [], demonym: 'Hungarian', capital: 'Budapest' },
  { name: 'Czech Republic', aliases: [], demonym: 'Czech', capital: 'Prague' },
  { name: 'Romania', aliases: [], demonym: 'Romanian', capital: 'Bucharest' },
  { name: 'Serbia', aliases: [], demonym: 'Serbian', capital: 'Belgrade' },
  { name: 'Croatia', aliases: [], demonym: 'Croatian', capital: 'Zagreb' },
];

/** Cities (and the country they are in). Capitals come from COUNTRIES. */
export const CITIES: Record<string, string> = {
  Vladivostok: 'Russia', 'St Petersburg': 'Russia', 'New York': 'United States', 'Los Angeles': 'United States', Chicago: 'United States',
  'San Francisco': 'United States', Boston: 'United States', Manchester: 'United Kingdom', Liverpool: 'United Kingdom', Birmingham: 'United Kingdom',
  Glasgow: 'United Kingdom', Leeds: 'United Kingdom', 'Hong Kong': 'China', Shanghai: 'China', Osaka: 'Japan', Geneva: 'Switzerland',
  Mumbai: 'India', Sydney: 'Australia', Melbourne: 'Australia', Toronto: 'Canada', Munich: 'Germany', Frankfurt: 'Germany',
  Milan: 'Italy', Barcelona: 'Spain', 'Ho Chi Minh City': 'Vietnam', Davos: 'Switzerland', Dubai: 'United Arab Emirates',
};

export const REGIONS = ['Korean Peninsula', 'Far East', 'Europe', 'Asia', 'Africa', 'Middle East', 'Latin America', 'Gulf', 'Balkans', 'Caribbean', 'Scandinavia', 'Siberia', 'Crimea'];

export type OrgKind = 'GOVERNMENT' | 'MINISTRY' | 'MEDIA' | 'COMPANY' | 'PARTY' | 'INTERNATIONAL' | 'OTHER';

/** Well-known organisations: canonical name → kind and aliases. */
export const KNOWN_ORGS: { name: string; kind: OrgKind; aliases: string[] }[] = [
  { name: 'Kremlin', kind: 'GOVERNMENT', aliases: [] },
  { name: 'White House', kind: 'GOVERNMENT', aliases: [] },
  { name: 'Pentagon', kind: 'MINISTRY', aliases: [] },
  { name: 'US State Department', kind: 'MINISTRY', aliases: ['State Department'] },
  { name: 'United Nations', kind: 'INTERNATIONAL', aliases: ['UN', 'U.N.'] },
  { name: 'UN Security Council', kind: 'INTERNATIONAL', aliases: ['Security Council'] },
  { name: 'NATO', kind: 'INTERNATIONAL', aliases: [] },
  { name: 'European Union', kind: 'INTERNATIONAL', aliases: ['EU'] },
  { name: 'European Commission', kind: 'INTERNATIONAL', aliases: [] },
  { name: 'IMF', kind: 'INTERNATIONAL', aliases: ['International Monetary Fund'] },
  { name: 'World Bank', kind: 'INTERNATIONAL', aliases: [] },
  { name: 'WTO', kind: 'INTERNATIONAL', aliases: ['World Trade Organization', 'World Trade Organisation'] },
  { name: 'Izvestia', kind: 'MEDIA', aliases: [] },
  { name: 'RIA', kind: 'MEDIA', aliases: ['RIA Novosti'] },
  { name: 'TASS', kind: 'MEDIA', aliases: ['Tass'] },
  { name: 'Interfax', kind: 'MEDIA', aliases: [] },
  // "a Reuter survey", "Reuter correspondents": the agency's 1980s wire name, read as a person in 42 stories.
  { name: 'Reuters', kind: 'MEDIA', aliases: ['Reuter'] },
  { name: 'AFP', kind: 'MEDIA', aliases: ['Agence France-Presse'] },
  { name: 'Associated Press', kind: 'MEDIA', aliases: ['AP'] },
  { name: 'BBC', kind: 'MEDIA', aliases: [] },
  { name: 'CNN', kind: 'MEDIA', aliases: [] },
  { name: 'Al Jazeera', kind: 'MEDIA', aliases: [] },
  { name: 'KCNA', kind: 'MEDIA', aliases: ['Korean Central News Agency'] },
  { name: 'Yonhap', kind: 'MEDIA', aliases: [] },
  { name: 'Xinhua', kind: 'MEDIA', aliases: [] },
  { name: 'Federal Reserve', kind: 'GOVERNMENT', aliases: ['Fed'] },
  { name: 'Bank of England', kind: 'GOVERNMENT', aliases: [] },
  { name: 'Labour', kind: 'PARTY', aliases: ['Labour Party'] },
  { name: 'Conservatives', kind: 'PARTY', aliases: ['Conservative Party', 'Tories', 'Tory Party'] },
  { name: 'Liberal Democrats', kind: 'PARTY', aliases: ['Lib Dems'] },
  { name: 'Downing Street', kind: 'GOVERNMENT', aliases: ['Number 10'] },
  { name: 'Home Office', kind: 'MINISTRY', aliases: [] },
  { name: 'Foreign Office', kind: 'MINISTRY', aliases: [] },
  { name: 'Treasury', kind: 'MINISTRY', aliases: [] },
  { name: 'Microsoft', kind: 'COMPANY', aliases: [] },
  { name: 'Google', kind: 'COMPANY', aliases: [] },
  { name: 'Apple', kind: 'COMPANY', aliases: [] },
  { name: 'Sony', kind: 'COMPANY', aliases: [] },
  { name: 'Yahoo', kind: 'COMPANY', aliases: [] },
  { name: 'Nintendo', kind: 'COMPANY', aliases: [] },
  { name: 'Vodafone', kind: 'COMPANY', aliases: [] },
  { name: 'Time Warner', kind: 'COMPANY', aliases: ['TimeWarner'] },
  // Analyst firms, quoted in technology news as "analyst Gartner", "said Gartner's …", which read as people.
  { name: 'Gartner', kind: 'COMPANY', aliases: [] },
  { name: 'Forrester Research', kind: 'COMPANY', aliases: ['Forrester'] },
  { name: 'Jupiter Research', kind: 'COMPANY', aliases: ['JupiterResearch'] },
];

export const ORG_SUFFIXES = /\b(Ministry|Department|Agency|Party|Bank|Council|Commission|Committee|Corporation|Corp|Inc|Ltd|plc|PLC|Group|University|Association|Federation|Union|Office|Court|Parliament|Congress|Senate|Assembly|Police|Army|Navy|Institute|Foundation|Authority|Board|Service|Airlines|Motors|Club|Society|Organisation|Organization|Times|Post|Journal|Telegraph|Guardian|Herald|News|Securities|Exchange)$/;

/**
 * Nationality, regional and religious adjectives of peoples the country list above does not hold:
 * alone, never a person's name ("Kuwaiti oil minister Sheikh Ali", "Latin borrowers"). The recogniser
 * had read "Kuwaiti" as a person in 40 Reuters stories.
 */
export const MORE_NATIONALITY_WORDS = new Set(
  ('Kuwaiti Emirati Bahraini Omani Yemeni Ecuadorean Ecuadorian Peruvian Bolivian Uruguayan Paraguayan Algerian Moroccan Tunisian ' +
    'Ghanaian Ethiopian Bangladeshi Nepalese Burmese Cambodian Laotian Mongolian Icelandic Bulgarian Slovak Slovakian Slovenian Bosnian ' +
    'Albanian Belarusian Lithuanian Latvian Estonian Armenian Azerbaijani Kazakh Uzbek Cypriot Maltese Jamaican Panamanian Nicaraguan ' +
    'Honduran Guatemalan Salvadoran Salvadorean Haitian Tanzanian Ugandan Angolan Mozambican Zambian Congolese Cameroonian Senegalese ' +
    'Ivorian Gabonese Namibian Somali Rwandan Fijian Soviet Czechoslovak Yugoslav Yugoslavian Palestinian Kurdish Arab Arabian Latin ' +
    'Muslim Islamic Catholic Protestant Hindu Sikh Buddhist Shiite Sunni European African Asian Scandinavian Baltic Balkan Caribbean').split(' '),
);

/** Capitalised words that start sentences or name things but are never people. */
export const NOT_NAME = new Set(
  ('The A An This That These Those It Its He She His Her They Their We Our You Your I In On At For From With By Of To And But Or If When While As After Before Since Though Although Meanwhile However ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December ' +
    'Mr Mrs Ms Dr Sir Lord Lady Source Full Responding Quoting Upping Russia’s There Here What Who Why How Where Which Some Many Most All Both Each Other Another ' +
    'One Two Three Four Five Six Seven Eight Nine Ten First Second Third Last Next New Old Yes No Not Also Only Just Still Even Then So Now Today Yesterday Tomorrow ' +
    'Christmas Easter Internet Web Olympics Olympic Games Cup League Premiership Championship Oscar Oscars Grammy Awards Award Prize Music Film Festival Chairman President Minister Secretary Election Elections Agreement').split(/\s+/),
);

/** Words that are titles/roles, before a name ("President Vladimir Putin"). */
export const TITLE_WORDS = new Set(
  ('President Chairman Chairwoman Chair Secretary Minister Premier Prime Adviser Advisor Advisers Envoy Representative Special Ambassador Director General Chief Executive Officer ' +
    'Leader leader Spokesman Spokeswoman Spokesperson Governor Senator Senate Rep Congressman Congresswoman Mayor King Queen Prince Princess Pope Sheikh Emperor ' +
    'Judge Justice Gen Gen. Col Colonel Lieutenant Captain Capt Commander Admiral Marshal Sergeant Mr Mrs Ms Miss Dr Prof Professor Sir Dame Lord Lady Baroness Rev Reverend Father ' +
    'Deputy Vice Foreign Defence Defense Home Finance Trade Interior Justice Health Education Culture Sports Culture State Security National Foreign Chancellor Attorney Coach Manager Boss Striker ' +
    'Midfielder Defender Goalkeeper Captain Star Singer Actor Actress Director Producer Author Chancellor Economist Analyst Editor Founder Chairman Dean Officer Official Commissioner Counsellor Supreme Acting Former former Presidential presidential US UN EU Exchequer Staff').split(/\s+/),
);

export const PERSONAL_TITLES = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame|Lord|Lady|President|Chairman|Chairwoman|Premier|Chancellor|Senator|Governor|Mayor|King|Queen|Prince|Princess|Pope|Gen|General|Judge|Justice|Rev|Minister|Secretary|Ambassador|Envoy|Adviser|Advisor|Coach|Captain|Commissioner)\.?$/;

/** East Asian family names written first ("Kim Jong Un"): the first token is the surname. */
export const FAMILY_FIRST = new Set('Kim Lee Park Choi Moon Kwon Jung Jeong Kang Cho Yoon Jang Lim Han Shin Seo Kwak Ri Pak Xi Li Wang Zhang Liu Chen Yang Huang Zhao Wu Zhou Hu Wen Deng Mao Jiang Abe Hun Ho Nguyen'.split(' '));

/** Common given names: a capitalised pair starting with one is a person. */
export const FIRST_NAMES = new Set(
  ('John James Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Frank Gregory Raymond Alexander Patrick Jack Dennis Jerry Tyler Aaron Jose Henry Adam Douglas Nathan Peter Zachary Kyle Walter Harold Jeremy Ethan Carl Keith Roger Gerald Christian Terry Sean Arthur Austin Noah Lawrence Jesse Joe Bryan Billy Jordan Albert Dylan Bruce Willie Gabriel Alan Juan Logan Wayne Ralph Roy Eugene Randy Vincent Russell Louis Philip Bobby Johnny Bradley ' +
    'Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla ' +
    'Vladimir Mike Fiona Hillary Bill Barack Joe Kamala Tony Gordon Boris Theresa Angela Emmanuel Nicolas Francois Jacques Gerhard Silvio Jose Xi Shinzo Moon Narendra Recep Benjamin Bashar Hassan Ali Mohammed Muhammad Ahmed Sergei Sergey Dmitry Dmitri Alexei Alexey Mikhail Igor Yuri Viktor Nikolai Ivan Olga Natalia Tatiana Kofi Ban Antonio Jean Pierre Francois Hans Klaus Wolfgang Jurgen Giuseppe Marco Luca Carlos Luis Miguel Pedro Manuel Javier Diego Pablo Rafael Fernando Ricardo Andre Sven Lars Jan Piotr Tomasz Ahmad Omar Rex Nikki Ted Marco Rand Chris Jeb Ben Carly Lindsey Bernie Martin Elijah Newt Rudy Sonia Ruth Clarence Antonin Merrick Loretta Eric Janet Valerie Reince Kellyanne Steve Jared Ivanka Melania Hope Sean Rick Nancy Chuck Harry Mitch Paul Marco Ted Bobby Jim Rob Tom Dick Pat Ron Don Dan Ken Greg Jeff Matt Nick Sam Alex Max Ross Neil Ian Colin Graham Nigel Alistair Gareth Owen Rhys Dai Iain Hamish Ewan Callum Liam Sean Conor Declan Ciaran Niall Aidan Jamie Kirsty Ewan Jose Arsene Alex Wayne Frank Ruud Thierry Roy Sven Ryan Rio Steven Jermain Craig Gavin Darren Lee Dean Jonny Lawrence Brian Clive Martin Serena Venus Lleyton Roger Rafael Andy Tim Greg Kelly Paula Jonathan Dwain Colin Marion Justin Maurice Carl Michael Elton Kylie Madonna Britney Robbie Damon Noel Liam Brad Angelina Leonardo Jamie Keira Hugh Kate Clint Hilary Halle Jamie Renee Nicole Russell Cate Sean Scarlett Bono Mick Keith Ozzy Kanye Jay Usher Alicia Gwen Jude Sienna Orlando Johnny Natalie Colin Ewan Gordon Tessa Ruth Charles Margaret Estelle Geoff Jack Patricia Alan Ken Francis Mohamed Hosni Ehud Ariel Mahmoud Yasser Nouri Hamid Pervez Manmohan Junichiro Roh Hu Wen Jiang Lula Hugo Fidel Kim').split(/\s+/),
);

/** Verbs that introduce speech, in the forms news uses. */
export const SPEECH_VERBS = 'said|says|say|told|tells|added|adds|stated|states|announced|announces|declared|declares|claimed|claims|claiming|insisted|insists|warned|warns|argued|argues|explained|explains|noted|notes|reported|reports|confirmed|confirms|denied|denies|suggested|suggests|acknowledged|acknowledges|admitted|admits|wrote|writes|asked|asks|replied|replies|urged|urges|predicted|predicts|believes|believed|accused|accuses|promised|promises|vowed|vows|estimated|estimates|stressed|stresses|maintained|maintains|revealed|reveals|recalled|recalls|conceded|concedes|agreed|agrees|countered|continued|complained|complains|pointed out|points out|told reporters|said in a statement|tweeted|tweets|posted|wrote|exclaimed|shouted|responded|responds|answered|answers|interrupted|continued|continues|concluded|concludes|quipped|joked|jokes|observed|observes|remarked|remarks|recounted|recalled|charged|charges|went on|goes on|explained|contended|contends|asserted|asserts|declared|announced|boasted|boasts|lamented|laments|cautioned|cautions|emphasized|emphasised|emphasizes|pleaded|pledged|pledges|demanded|demands|testified|mused|muses|quipped|sniped|retorted|wondered|wonders|scoffed|shot back|fired back|added later|began|told the|writes|wrote in';

/**
 * Verbs of thought and finding that report a claim only with "that" after them ("Most voters think
 * that …", "The poll found that …"); used for reported speech, never to attribute a quotation.
 */
export const THOUGHT_VERBS = 'thinks|think|thought|believe|found|finds|show|shows|showed|hopes|hope|hoped|fears|feared|expects|knows|knew|argue|feel|feels|felt|suggest|worries|worried|indicated|indicates|indicate';
