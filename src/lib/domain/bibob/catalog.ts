// The vocabulary of a Bibob screening as data with Dutch labels (DOMAIN.md §3). Pure.

export const PERMIT_KINDS = ['evenement', 'horeca', 'exploitatie', 'omgevingsvergunning'] as const;
export type PermitKind = (typeof PERMIT_KINDS)[number];
export const PERMIT_KIND_LABELS: Record<PermitKind, string> = {
	evenement: 'Evenementenvergunning',
	horeca: 'Horeca (alcohol- en exploitatievergunning)',
	exploitatie: 'Exploitatievergunning (overig)',
	omgevingsvergunning: 'Omgevingsvergunning'
};

export const FILE_STATUSES = ['open', 'afgerond', 'vernietigd'] as const;
export type FileStatus = (typeof FILE_STATUSES)[number];
export const FILE_STATUS_LABELS: Record<FileStatus, string> = { open: 'Loopt', afgerond: 'Afgerond', vernietigd: 'Vernietigd' };

export const PARTY_KINDS = ['organisatie', 'persoon'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];
export const PERSON_ROLES = ['bestuurder', 'aandeelhouder', 'financier', 'leidinggevende'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PERSON_ROLE_LABELS: Record<PersonRole, string> = {
	bestuurder: 'Bestuurder',
	aandeelhouder: 'Aandeelhouder',
	financier: 'Financier',
	leidinggevende: 'Leidinggevende'
};

/**
 * The sections of the questionnaire. Since 1 February 2024 a municipality may only ask questions
 * taken from the Bibob-vragenformulier (Regeling Bibob-formulieren 2024, art. 5 and bijlage 1).
 * Paraat does not reproduce that form: an answer records the official question number(s) it
 * answers, as printed on the form the officer sent, and never a question text of its own.
 */
export const SECTIONS = ['identiteit', 'eigendom_zeggenschap', 'financiering', 'zakelijke_relaties', 'antecedenten'] as const;
export type Section = (typeof SECTIONS)[number];
export const SECTION_LABELS: Record<Section, string> = {
	identiteit: 'Identiteit',
	eigendom_zeggenschap: 'Eigendom en zeggenschap',
	financiering: 'Financiering',
	zakelijke_relaties: 'Zakelijke relaties',
	antecedenten: 'Antecedenten'
};
/** A question number as on the form: "3", "3.2", "3.2a", several separated by commas. */
export const FORM_REFERENCE_PATTERN = /^\d{1,2}(\.\d{1,2}){0,2}[a-z]?(\s*,\s*\d{1,2}(\.\d{1,2}){0,2}[a-z]?)*$/;

export const INDICATORS = ['herkomst_vermogen', 'stroman', 'antecedenten', 'antwoorden', 'riec_signaal'] as const;
export type Indicator = (typeof INDICATORS)[number];
export const INDICATOR_LABELS: Record<Indicator, string> = {
	herkomst_vermogen: 'Onduidelijke herkomst van vermogen',
	stroman: 'Stromanconstructie',
	antecedenten: 'Antecedenten',
	antwoorden: 'Ontbrekende of tegenstrijdige antwoorden',
	riec_signaal: 'RIEC-signaal'
};

export const OWN_CONCLUSIONS = ['geen_aanwijzingen', 'mindere_mate', 'ernstig', 'advies_lbb'] as const;
export type OwnConclusion = (typeof OWN_CONCLUSIONS)[number];
export const OWN_CONCLUSION_LABELS: Record<OwnConclusion, string> = {
	geen_aanwijzingen: 'Geen aanwijzingen voor gevaar',
	mindere_mate: 'Mindere mate van gevaar',
	ernstig: 'Ernstig gevaar',
	advies_lbb: 'Onvoldoende duidelijk: advies LBB vragen'
};

export const LBB_CONCLUSIONS = ['geen_gevaar', 'mindere_mate', 'ernstig_gevaar'] as const;
export type LbbConclusion = (typeof LBB_CONCLUSIONS)[number];
export const LBB_CONCLUSION_LABELS: Record<LbbConclusion, string> = {
	geen_gevaar: 'Geen gevaar',
	mindere_mate: 'Mindere mate van gevaar',
	ernstig_gevaar: 'Ernstig gevaar'
};

export const INTENTIONS = ['voorschriften', 'weigeren', 'intrekken'] as const;
export type Intention = (typeof INTENTIONS)[number];
export const INTENTION_LABELS: Record<Intention, string> = {
	voorschriften: 'Voornemen: voorschriften verbinden',
	weigeren: 'Voornemen: weigeren',
	intrekken: 'Voornemen: intrekken'
};

export const DECISIONS = ['verlenen', 'verlenen_met_voorschriften', 'weigeren', 'intrekken'] as const;
export type Decision = (typeof DECISIONS)[number];
export const DECISION_LABELS: Record<Decision, string> = {
	verlenen: 'Verlenen',
	verlenen_met_voorschriften: 'Verlenen met voorschriften',
	weigeren: 'Weigeren',
	intrekken: 'Intrekken'
};

export const RECIPIENT_KINDS = ['riec', 'driehoek', 'aanvrager', 'bezwaarcommissie', 'rechter', 'derde'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];
export const RECIPIENT_KIND_LABELS: Record<RecipientKind, string> = {
	riec: 'RIEC',
	driehoek: 'Driehoek (burgemeester, politie, OM)',
	aanvrager: 'Aanvrager (betrokkene)',
	bezwaarcommissie: 'Bezwaarcommissie',
	rechter: 'Rechter',
	derde: 'Derde genoemd in het advies'
};

/**
 * The grounds on which art. 28 Wet Bibob allows sharing (Justis, "Geheimhoudingsplicht"), each
 * with the recipients it covers. The sub-paragraph letters are not given: Paraat names the ground
 * by what the law allows, and the officer may add the exact provision in `groundNote`.
 */
export const DISCLOSURE_GROUNDS = {
	betrokkene_beschikking: {
		label: 'Art. 28 Wet Bibob — aan de betrokkene, in de beschikking ter motivering daarvan',
		recipients: ['aanvrager']
	},
	betrokkene_voornemen: {
		label: 'Art. 28 Wet Bibob — afschrift van het advies aan de betrokkene bij een voornemen tot een negatieve beschikking of voorschriften',
		recipients: ['aanvrager']
	},
	derde_in_advies: {
		label: 'Art. 28 Wet Bibob — aan een derde die in de motivering van het advies voorkomt, alleen voor zover het hem betreft',
		recipients: ['derde']
	},
	driehoek: {
		label: 'Art. 28 Wet Bibob — aan de leden van het driehoeksoverleg, voor zover nodig om het bestuursorgaan bij de motivering te ondersteunen',
		recipients: ['driehoek']
	},
	riec: {
		label: 'Art. 28 Wet Bibob — aan het RIEC, voor zover nodig om het bestuursorgaan bij de toepassing van de Wet Bibob te ondersteunen',
		recipients: ['riec']
	},
	bezwaar: { label: 'Art. 28 Wet Bibob — aan de bezwaarschriftencommissie', recipients: ['bezwaarcommissie'] },
	rechter: { label: 'Art. 28 Wet Bibob — aan de rechter', recipients: ['rechter'] }
} as const satisfies Record<string, { label: string; recipients: readonly RecipientKind[] }>;
export type DisclosureGround = keyof typeof DISCLOSURE_GROUNDS;
export const DISCLOSURE_GROUND_CODES = Object.keys(DISCLOSURE_GROUNDS) as DisclosureGround[];

export function groundAllows(ground: DisclosureGround, recipient: RecipientKind): boolean {
	return (DISCLOSURE_GROUNDS[ground].recipients as readonly RecipientKind[]).includes(recipient);
}

export const ACCESS_CHANNELS = ['pagina', 'api', 'download', 'export'] as const;
export type AccessChannel = (typeof ACCESS_CHANNELS)[number];
export const ACCESS_CHANNEL_LABELS: Record<AccessChannel, string> = {
	pagina: 'Pagina',
	api: 'API',
	download: 'Download',
	export: 'Export'
};

/** Defaults until a municipality saves its own Bibob settings. */
export const DEFAULT_SETTINGS = { retentionYears: 5, zienswijzeWeeks: 2, answerWeeks: 4, warningDays: 10 } as const;

/** How a permit's status shows to everyone who may see the application but not the file. */
export const PUBLIC_BIBOB_LABELS = { geen: null, loopt: 'Bibob-toets loopt', afgerond: 'Bibob-toets afgerond' } as const;
