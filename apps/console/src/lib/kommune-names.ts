// Kommune names by number, from the same Kartverket data the map is drawn from: a call with a
// position but no address is shown by its kommune ("Askøy") rather than as nowhere.
import labels from '@amk/geodata/data/Kommuner-labels.geojson?raw';

const names = new Map<string, string>(
  (JSON.parse(labels) as { features: { properties: { kommunenummer: string; kommunenavn: string } }[] }).features.map((f) => [
    f.properties.kommunenummer,
    f.properties.kommunenavn,
  ]),
);

export const kommuneName = (nummer: string | null | undefined): string | null => (nummer ? (names.get(nummer) ?? null) : null);
