// Stories for the Spanish editions, in the register of KCNA's Spanish service (ATCC). Place names
// take their Spanish form ("provincia de Phyongan del Norte"), so surface forms differ from the
// canonical English names, as they do in real Spanish copy.
import type { PlaceRef } from "../../reference/types.ts";
import { optionalPlace, personName, type Locality } from "../cast.ts";
import { capitalize, concat, entity, Fragment, listOf, t } from "../text.ts";
import { chooseAnniversary, occasionFor } from "./anniversary.ts";
import { DELEGATIONS } from "./diplomacy.ts";
import { leaderTitleEs, pyongyang, type StoryContext, type StoryKind } from "./story.ts";

const KIND_WORDS: Readonly<Partial<Record<PlaceRef["kind"], string>>> = {
  PROVINCE: "la provincia de",
  SPECIAL_CITY: "la ciudad de",
  CITY: "la ciudad de",
  COUNTY: "el distrito de",
  DISTRICT: "el distrito de",
};

/** "North Phyongan Province" -> "Phyongan del Norte", "Kusong City" -> "Kusong". */
export function spanishName(name: string): string {
  const base = name.replace(/\s+(Province|Special City|City|County|District|Municipality)$/u, "");
  const compass = /^(North|South)\s+(.+)$/u.exec(base);
  if (!compass) return base;
  return `${compass[2]} del ${compass[1] === "North" ? "Norte" : "Sur"}`;
}

/** "la provincia de Phyongan del Norte", with the span on the name. */
export function placeEs(place: PlaceRef): Fragment {
  const name = entity("place", place.key, spanishName(place.name));
  const word = KIND_WORDS[place.kind];
  return word ? t`${word} ${name}` : name;
}

/** Spanish contracts "de el" to "del" and "a el" to "al". */
function after(preposition: "de" | "a" | "en", phrase: Fragment): Fragment {
  if (preposition !== "en" && phrase.text.startsWith("el ")) {
    return concat([preposition === "de" ? "del " : "al ", new Fragment(phrase.text.slice(3), phrase.spansAt(-3))]);
  }
  return t`${preposition} ${phrase}`;
}

/** "en la ciudad de Kusong de la provincia de Phyongan del Norte" */
function inLocality(locality: Locality): Fragment {
  return t`${after("en", placeEs(locality.place))} ${after("de", placeEs(locality.region))}`;
}

/** Headline form of a place: the bare name, "Phyongan del Norte". */
function bareName(place: PlaceRef): Fragment {
  return entity("place", place.key, spanishName(place.name));
}

const FACILITIES_ES = [
  { name: "la fábrica de alimentos", heading: "Fábrica de Alimentos" },
  { name: "la granja de invernaderos", heading: "Granja de Invernaderos" },
  { name: "la piscifactoría", heading: "Piscifactoría" },
  { name: "la fábrica de abonos químicos", heading: "Fábrica de Abonos Químicos" },
  { name: "la fábrica textil", heading: "Fábrica Textil" },
];

function writeInspectionEs(ctx: StoryContext) {
  const { rng, cast, date } = ctx;
  const facility = rng.pick(FACILITIES_ES);
  const where = rng.pick(cast.localities);
  const leader = personName(cast.leader);
  const escorts = rng.sample(cast.officials, rng.int(2, 3)).map(personName);

  const title = t`${leader} inspecciona ${facility.heading} en ${bareName(where.place)}`;
  const lead = t`${leader}, ${leaderTitleEs(date)}, inspeccionó ${facility.name} ${inLocality(where)}.`;
  const middle: Fragment[] = [
    t`Fue recibido en el lugar por los funcionarios del comité del Partido ${after("de", placeEs(where.region))}.`,
    t`Recorrió los talleres y se informó detalladamente sobre la producción y la vida de los trabajadores.`,
    t`Expresó su satisfacción por la modernización de los procesos de producción, lograda en poco tiempo con esfuerzos propios.`,
    t`Subrayó la necesidad de mejorar la calidad de los productos y diversificar sus variedades según el gusto de la población.`,
    t`Señaló que esta unidad debe convertirse en modelo para todas las ciudades y distritos del país.`,
    capitalize(t`Lo acompañaron ${listOf(escorts, "y")}.`),
  ];
  const closing = t`Los trabajadores manifestaron su firme decisión de cumplir sin falta las tareas planteadas por ${leader}.`;
  return { title, lead, middle, closing };
}

function writeFarmReportEs(ctx: StoryContext) {
  const { rng, cast, date } = ctx;
  const where = rng.pick(cast.localities);
  const region = where.region;
  const work =
    date.month <= 2 || date.month === 12
      ? "los preparativos para las faenas agrícolas del año"
      : date.month <= 6
        ? "la siembra y el trasplante de arroz"
        : date.month <= 8
          ? "las medidas contra las lluvias torrenciales"
          : "la cosecha";

  const title = t`Agricultores ${after("de", placeEs(region))} impulsan ${work}`;
  const lead = t`Los agricultores ${inLocality(where)} impulsan ${work}.`;
  const middle: Fragment[] = [
    t`Los funcionarios del comité de economía rural organizan el trabajo de manera minuciosa y resuelven los problemas en el terreno.`,
    t`Se introducen métodos de cultivo avanzados y semillas de alto rendimiento adecuados a las condiciones locales.`,
    t`Obreros de fábricas y empresas ${after("de", placeEs(region))} acuden a ayudar a las granjas cooperativas.`,
    t`El grado de mecanización de las labores ha aumentado considerablemente en comparación con el año anterior.`,
  ];
  const closing = t`Los agricultores están decididos a obtener una abundante cosecha también este año.`;
  return { title, lead, middle, closing };
}

function writeNationalMeetingEs(ctx: StoryContext) {
  const { rng, cast, date } = ctx;
  const occasion = occasionFor(date);
  const years = date.year - occasion.since;
  const capital = pyongyang(cast);
  const present = rng.sample(cast.officials, 3).map(personName);
  const speaker = personName(rng.pick(cast.officials));
  const regions = rng
    .sample(
      cast.regions.filter((region) => region.key !== cast.capital.key),
      2,
    )
    .map(placeEs);

  const title = t`Celebran en ${capital} acto central por ${occasion.phraseEs(years, cast)}`;
  const lead = t`Se efectuó en ${capital} un acto central con motivo ${after("de", occasion.phraseEs(years, cast))}.`;
  const middle: Fragment[] = [
    t`Asistieron ${listOf(present, "y")}, funcionarios del Partido, las fuerzas armadas y los órganos de poder, y trabajadores.`,
    t`${speaker} pronunció un informe en el que repasó la historia gloriosa del país y los éxitos alcanzados por el pueblo.`,
    t`El informante señaló que el pueblo coreano ha conquistado una victoria tras otra bajo la dirección de ${personName(cast.leader)}.`,
    t`Actos similares tuvieron lugar en ${listOf([...regions, "otros lugares del país"], "y")}.`,
  ];
  const closing = t`Los participantes expresaron su decisión de recibir la fecha con nuevos éxitos laborales.`;
  return { title, lead, middle, closing };
}

function writeDelegationEs(ctx: StoryContext) {
  const { rng, cast } = ctx;
  const capital = pyongyang(cast);
  const greeter = personName(rng.pick(cast.officials));
  const delegation = rng.pick(DELEGATIONS);
  const who = delegation.whoEs(optionalPlace(cast, ...delegation.country));

  const title = t`Llega a ${capital} ${new Fragment(who.text.slice("una ".length), who.spansAt(-"una ".length))}`;
  const lead = capitalize(t`${who} llegó a ${capital} por vía aérea.`);
  const middle: Fragment[] = [
    t`Fue recibida en el aeropuerto por ${greeter} y otros funcionarios.`,
    t`Durante su estancia, la delegación sostendrá conversaciones sobre el desarrollo de las relaciones bilaterales.`,
    t`Está previsto que visite instituciones culturales, fábricas y granjas cooperativas del país.`,
  ];
  const closing = t`La visita contribuirá a estrechar los lazos de amistad entre los dos pueblos, señalaron las partes.`;
  return { title, lead, middle, closing };
}

export const inspectionEs: StoryKind = { name: "inspección", language: "es", weight: 4, write: writeInspectionEs };
export const farmReportEs: StoryKind = { name: "agricultura", language: "es", weight: 3, write: writeFarmReportEs };
export const nationalMeetingEs: StoryKind = {
  name: "aniversario",
  language: "es",
  weight: 2,
  dayIn: chooseAnniversary,
  write: writeNationalMeetingEs,
};
export const delegationEs: StoryKind = { name: "delegación", language: "es", weight: 1, write: writeDelegationEs };
