/**
 * A small English → Danish glossary of the words ideas in a Danish municipality's vision
 * process are made of. An English idea gets the Danish words as extra features, so that
 * "more bike lanes to school" meets "flere cykelstier til skolen" without a translation
 * service or a model. Words not listed simply match within their own language.
 * Keys are lower-case English words as written (plural and verb forms listed where the
 * English stemmer would not join them); values are Danish words, stemmed like Danish text.
 */
const PAIRS: Record<string, string> = {
  // people
  child: 'børn', children: 'børn', kid: 'børn', kids: 'børn', young: 'unge', youth: 'unge', teenagers: 'unge',
  teens: 'unge', elderly: 'ældre', older: 'ældre', seniors: 'seniorer', senior: 'senior', pensioners: 'pensionister',
  residents: 'borgere', citizens: 'borgere', citizen: 'borger', people: 'folk', parents: 'forældre', parent: 'forældre',
  families: 'familier', family: 'familie', neighbours: 'naboer', neighbors: 'naboer', volunteers: 'frivillige',
  volunteer: 'frivillig', staff: 'medarbejdere', employees: 'medarbejdere', students: 'elever', pupils: 'elever',
  teachers: 'lærere', teacher: 'lærer', everyone: 'alle', everybody: 'alle', alone: 'alene', lonely: 'ensomme',
  loneliness: 'ensomhed', newcomers: 'tilflyttere', refugees: 'flygtninge', immigrants: 'indvandrere',
  // places
  school: 'skole', schools: 'skoler', library: 'bibliotek', libraries: 'biblioteker', park: 'park', parks: 'parker',
  beach: 'strand', shore: 'strand', harbour: 'havn', harbor: 'havn', marina: 'havn', station: 'station',
  town: 'by', city: 'by', centre: 'center', center: 'center', mall: 'center', shops: 'butikker', shop: 'butik',
  stores: 'butikker', housing: 'bolig', homes: 'boliger', home: 'hjem', neighbourhood: 'boligområde',
  neighborhood: 'boligområde', estate: 'boligområde', area: 'område', areas: 'områder', spaces: 'områder',
  space: 'område', square: 'torv', street: 'gade', streets: 'gader', road: 'vej', roads: 'veje', village: 'landsby',
  underpass: 'tunnel', underpasses: 'tunneler', tunnel: 'tunnel', tunnels: 'tunneler', playground: 'legeplads',
  playgrounds: 'legepladser', sauna: 'sauna', club: 'klub', clubs: 'klubber', hall: 'hal', museum: 'museum',
  buildings: 'bygninger', building: 'bygning', roofs: 'tage', roof: 'tag', premises: 'lokaler', rooms: 'lokaler',
  // getting around
  bike: 'cykel', bikes: 'cykler', bicycle: 'cykel', bicycles: 'cykler', cycle: 'cykle', cycling: 'cykle',
  cyclists: 'cyklister', lane: 'sti', lanes: 'stier', path: 'sti', paths: 'stier', trail: 'sti', trails: 'stier',
  parking: 'parkering', bus: 'bus', buses: 'busser', train: 'tog', trains: 'tog', light: 'lys', rail: 'letbane',
  tram: 'letbane', traffic: 'trafik', speed: 'fart', safe: 'sikker', safely: 'sikkert', safety: 'sikkerhed',
  unsafe: 'utryg', walk: 'gå', walking: 'gå', walks: 'gåture', transport: 'transport', cars: 'biler', car: 'bil',
  electric: 'el', charging: 'ladestander', chargers: 'ladestandere',
  // nature and climate
  tree: 'træ', trees: 'træer', green: 'grøn', greener: 'grønnere', nature: 'natur', flowers: 'blomster',
  bees: 'bier', insects: 'insekter', garden: 'have', gardens: 'haver', water: 'vand', sea: 'hav', swim: 'bade',
  swimming: 'bade', bathing: 'badning', winter: 'vinter', summer: 'sommer', snow: 'sne', solar: 'sol', sun: 'sol',
  panels: 'paneler', panel: 'panel', energy: 'energi', climate: 'klima', waste: 'affald', rubbish: 'affald',
  trash: 'affald', garbage: 'affald', bins: 'skraldespande', recycling: 'genbrug', recycle: 'genbruge',
  reuse: 'genbrug', swap: 'bytte', clean: 'rent', cleaner: 'renere',
  // activities and services
  help: 'hjælp', homework: 'lektier', lessons: 'undervisning', teaching: 'undervisning', education: 'uddannelse',
  classes: 'klasser', class: 'klasse', language: 'sprog', danish: 'dansk', jobs: 'job', job: 'job', work: 'arbejde',
  internships: 'praktikpladser', internship: 'praktikplads', apprenticeships: 'praktikpladser', business: 'virksomhed',
  businesses: 'virksomheder', companies: 'virksomheder', company: 'virksomhed', hire: 'ansætte', local: 'lokale',
  startups: 'iværksættere', entrepreneurs: 'iværksættere', culture: 'kultur', cultural: 'kultur', music: 'musik',
  concerts: 'koncerter', concert: 'koncert', festival: 'festival', art: 'kunst', events: 'arrangementer',
  sports: 'sport', sport: 'sport', exercise: 'motion', fitness: 'fitness', training: 'træning', outdoor: 'udendørs',
  outdoors: 'udendørs', equipment: 'redskaber', running: 'løb', health: 'sundhed', healthy: 'sund', food: 'mad',
  meals: 'spisning', dining: 'spisning', eat: 'spise', visit: 'besøg', visits: 'besøg', visiting: 'besøg',
  association: 'forening', associations: 'foreninger', societies: 'foreninger', community: 'fællesskab',
  together: 'sammen', meet: 'mødes', meeting: 'møde', activities: 'aktiviteter', activity: 'aktivitet',
  free: 'gratis', cheap: 'billig', lighting: 'belysning', lights: 'lys', lamps: 'lys', dark: 'mørkt', night: 'nat',
  nights: 'nat', evening: 'aften', evenings: 'aften', weekend: 'weekend', weekends: 'weekend', open: 'åben',
  opening: 'åbning', hours: 'tid', longer: 'længere', more: 'flere', better: 'bedre', new: 'nye', old: 'gamle',
  safer: 'tryggere', security: 'tryghed', crime: 'kriminalitet', police: 'politi', council: 'råd',
  municipality: 'kommune', municipal: 'kommunens', vision: 'vision', democracy: 'demokrati',
};

export const ENGLISH_TO_DANISH: ReadonlyMap<string, string> = new Map(Object.entries(PAIRS));
