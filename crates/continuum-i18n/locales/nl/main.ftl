### Continuum: Nederlands (nl), Belgisch Nederlands.
###
### Afspraken
### - Dezelfde ids en variabelen als en/main.ftl (de tests controleren dit).
### - We spreken de gebruiker aan met "u".
### - Termen volgens de woordenlijst in DOMAIN.md ("site" = gevangenis).

## Toepassing

app-name = Continuum
app-tagline = Continuïteit van drugzorg in de gevangenis
demo-banner = Demomodus: uitsluitend fictieve gegevens. Geef geen echte persoonsgegevens in. Elk wachtwoord is ‘demo’.
demo-label = Demo
skip-to-content = Naar de inhoud
main-navigation = Hoofdnavigatie
user-menu = Accountmenu
lang-switch-label = Taal
site-switch-label = Gevangenis
switch-apply = Wijzigen
acting-for = Huidige gevangenis: { $site }
signed-in-as = Aangemeld als { $name }
footer-confidential = Vertrouwelijk: bevat persoonsgegevens over gezondheid. Elke raadpleging wordt geregistreerd.

## Navigatie

nav-home = Startpagina
nav-sites = Gevangenissen
nav-organisations = Organisaties
nav-users = Gebruikers
nav-audit = Auditlogboek
nav-emergency-access = Noodtoegang
nav-my-account = Mijn account
nav-api-docs = API-documentatie

## Aanmelden, verificatie in twee stappen en sessie

sign-in = Aanmelden
sign-out = Afmelden
sign-in-title = Aanmelden bij Continuum
sign-in-help = Wachtwoord vergeten of geen toegang meer tot uw authenticatie-app? Neem contact op met uw beheerder.
signed-out = U bent afgemeld.
username = Gebruikersnaam
password = Wachtwoord
current-password = Huidig wachtwoord
new-password = Nieuw wachtwoord
confirm-password = Bevestig het nieuwe wachtwoord
change-password = Wachtwoord wijzigen
password-changed = Uw wachtwoord is gewijzigd.
totp-code = Verificatiecode
totp-title = Verificatie in twee stappen
totp-help = Geef de code van 6 cijfers in die uw authenticatie-app toont.
totp-setup-title = Verificatie in twee stappen instellen
totp-setup-help = Scan de QR-code met een authenticatie-app, of geef de geheime sleutel hieronder manueel in. Geef daarna ter bevestiging de code van 6 cijfers in die de app toont.
totp-secret = Geheime sleutel
totp-enable = Verificatie in twee stappen activeren
totp-enabled = Verificatie in twee stappen is geactiveerd.
session-idle-warning = Voor uw veiligheid wordt u na een periode van inactiviteit automatisch afgemeld. Wijzigingen die u niet hebt opgeslagen, gaan dan verloren.

## Algemene acties en labels

save = Opslaan
cancel = Annuleren
create = Aanmaken
edit = Bewerken
delete = Verwijderen
confirm = Bevestigen
confirm-delete = Dit item verwijderen? Dit kan niet ongedaan worden gemaakt.
search = Zoeken
filter = Filteren
apply = Toepassen
clear-filters = Filters wissen
back = Terug
close = Sluiten
view = Bekijken
print = Afdrukken
actions = Acties
details = Details
status = Status
date = Datum
description = Beschrijving
reason = Reden
not-set = Niet ingevuld
select-placeholder = Kies…
required = verplicht
optional = optioneel
saved = Wijzigingen opgeslagen.
yes = Ja
no = Nee
active = Actief
inactive = Inactief
name = Naam
code = Code
language = Taal
languages = Talen
kind = Soort
site = Gevangenis
sites = Gevangenissen
all-sites = Alle gevangenissen
role = Rol
roles = Rollen
email = E-mailadres
contact = Contactgegevens
display-name = Weergavenaam
valid-from = Geldig vanaf
valid-until = Geldig tot
history = Geschiedenis
changed-by = Gewijzigd door
changed-at = Gewijzigd op
created = Aangemaakt
updated = Bijgewerkt

## Lijsten, tabellen en paginering

pagination = Paginering
previous-page = Vorige pagina
next-page = Volgende pagina
page-of = Pagina { $page } van { $pages }
no-results = Geen resultaten.
results-count =
    { $count ->
        [0] Geen resultaten
        [one] { $count } resultaat
       *[other] { $count } resultaten
    }
results-count-more = Meer dan { $count } resultaten; verfijn de zoekopdracht om ze allemaal te zien
sort-by = Sorteren op { $column }
sorted-ascending = oplopend gesorteerd
sorted-descending = aflopend gesorteerd

## Meldingen (het label staat er altijd als tekst, nooit alleen als kleur)

notice-success = Gelukt
notice-warning = Waarschuwing
notice-danger = Fout
notice-info = Informatie
error-summary-title = Er is een probleem
field-error-prefix = Fout:

## Startpagina

home-title = Startpagina
home-welcome = Welkom, { $name }.
home-your-roles = Uw rollen
home-no-roles = U hebt nog geen rol. Vraag uw beheerder om u toegang te geven.

## Rollen (codewaarden van de rollen)

role-care_worker = Zorgverlener (project)
role-medical = Medische dienst
role-psychosocial = Psychosociale dienst
role-prison_staff = Penitentiair beambte
role-director = Directeur
role-coordinator = Drugcoördinator
role-steering_member = Lid stuurgroep
role-external_provider = Externe zorgverlener
role-researcher = Onderzoeker
role-admin = Beheerder

## Soorten organisaties

org-kind-prison = Gevangenis
org-kind-drug_service = Drughulpverlening
org-kind-care_provider = Zorgaanbieder
org-kind-other = Andere

## Auditlogboek

audit-title = Auditlogboek
audit-when = Wanneer
audit-who = Wie
audit-action = Handeling
audit-outcome = Resultaat
audit-outcome-allowed = Toegestaan
audit-outcome-denied = Geweigerd
audit-outcome-failed = Mislukt
audit-purpose = Doel
purpose-treatment = Zorg en behandeling
purpose-break_the_glass = Noodtoegang
purpose-research = Onderzoek
purpose-administration = Beheer
purpose-authentication = Aanmelding
audit-resource = Geraadpleegde gegevens
audit-access-point = Toegangspunt
audit-request-id = Referentie van de aanvraag
audit-verify-ok = Het auditlogboek is intact: elke registratie sluit aan op de vorige.
audit-verify-broken = De keten van het auditlogboek is verbroken bij registratie { $seq }. Verwittig de beheerder en de functionaris voor gegevensbescherming.
person-access-log-title = Wie heeft dit dossier geraadpleegd

## Noodtoegang (break the glass)

btg-title = Noodtoegang
btg-help = Gebruik noodtoegang alleen bij een medisch noodgeval, wanneer u het dossier nodig hebt van een persoon in een gevangenis waar u normaal niet werkt. Een reden opgeven is verplicht. De toegang is beperkt in de tijd en vervalt automatisch. Elk gebruik wordt geregistreerd en achteraf nagekeken.
btg-reason = Reden voor de noodtoegang
btg-request = Noodtoegang aanvragen
btg-expires = Einde van de toegang: { $time }
btg-review = Nakijken
btg-reviewed = Nagekeken
btg-pending-review = Wacht op nazicht

## Fouten

error-title = Fout
error-back-home = Naar de startpagina
error-not-found = Deze pagina of dit item bestaat niet (meer).
error-forbidden = U hebt geen toegang tot deze pagina. Hebt u ze nodig voor uw werk, vraag het dan aan uw beheerder.
error-unauthenticated = Meld u aan om verder te gaan.
error-conflict = Iemand anders heeft dit item intussen gewijzigd. Laad de pagina opnieuw, controleer de wijzigingen en probeer het nog eens.
error-internal = Er is iets misgelopen. Geef referentie { $request_id } door aan de beheerder.
error-unavailable = De dienst is tijdelijk niet beschikbaar. Probeer het over enkele minuten opnieuw.
error-too-large = De verstuurde gegevens zijn te groot.
error-invalid = Verbeter de velden die hieronder zijn aangeduid.
error-csrf = Dit formulier is verlopen of werd vanaf een andere pagina verstuurd. Laad de pagina opnieuw en probeer het nog eens.
error-rate-limited = Te veel aanvragen. Wacht even en probeer het dan opnieuw.
error-locked =
    { $minutes ->
        [one] Te veel mislukte aanmeldpogingen. Probeer het over { $minutes } minuut opnieuw.
       *[other] Te veel mislukte aanmeldpogingen. Probeer het over { $minutes } minuten opnieuw.
    }
error-bad-credentials = De gebruikersnaam of het wachtwoord is onjuist.
error-totp-invalid = De verificatiecode is onjuist of verlopen. Geef de huidige code uit uw authenticatie-app in.
error-session-expired = Uw sessie is verlopen. Meld u opnieuw aan.

## Validatie

validation-required = Dit veld is verplicht.
validation-too-short =
    { $min ->
        [one] Geef minstens { $min } teken in.
       *[other] Geef minstens { $min } tekens in.
    }
validation-too-long =
    { $max ->
        [one] Geef hoogstens { $max } teken in.
       *[other] Geef hoogstens { $max } tekens in.
    }
validation-invalid-format = Het formaat is ongeldig.
validation-password-common = Dit wachtwoord komt te vaak voor. Kies een wachtwoord dat moeilijker te raden is.
validation-password-too-short =
    { $min ->
        [one] Het wachtwoord moet minstens { $min } teken lang zijn.
       *[other] Het wachtwoord moet minstens { $min } tekens lang zijn.
    }
validation-password-contains-username = Het wachtwoord mag uw gebruikersnaam niet bevatten.
validation-password-mismatch = De twee wachtwoorden komen niet overeen.
validation-duplicate = Deze waarde is al in gebruik.
validation-unknown-site = Onbekende gevangenis.
validation-date-order = De einddatum mag niet vóór de begindatum liggen.
validation-impossible-date = Deze datum is niet mogelijk.
validation-before-birth = Deze datum ligt vóór de geboortedatum.

## Beheerpagina's: algemeen

version = Versie
created-utc = Aangemaakt (UTC)
updated-utc = Bijgewerkt (UTC)
changed-at-utc = Gewijzigd op (UTC)
date-format-hint = Formaat: JJJJ-MM-DD
language-nl = Nederlands
language-fr = Frans
language-en = Engels

## Gevangenissen (sites)

sites-title = Gevangenissen
sites-new = Nieuwe gevangenis
sites-new-title = Nieuwe gevangenis
sites-edit-title = Gevangenis bewerken
sites-back = Terug naar de gevangenissen
sites-empty = Er zijn nog geen gevangenissen.
sites-code-hint = Drie letters, bijvoorbeeld HAS voor Hasselt.
sites-active-label = Neemt nu deel aan het programma

## Organisaties

organisations-title = Organisaties
organisations-new = Nieuwe organisatie
organisations-new-title = Nieuwe organisatie
organisations-edit-title = Organisatie bewerken
organisations-back = Terug naar de organisaties
organisations-empty = Er zijn nog geen organisaties.
organisations-none-found = Geen enkele organisatie voldoet aan deze zoekopdracht.
organisations-search = Naam bevat
organisations-search-label = Organisaties zoeken
organisations-all-kinds = Alle soorten
organisations-contact-hint = Adres, telefoonnummer, e-mailadres.
organisations-active-label = In gebruik

## Gebruikers en beveiligingsinstellingen

users-title = Gebruikers
users-new = Nieuwe gebruiker
users-new-title = Nieuwe gebruiker
users-edit-title = Account bewerken
users-back = Terug naar de gebruikers
users-search = Gebruikersnaam of naam
users-search-label = Gebruikers zoeken
users-none-found = Geen enkele gebruiker voldoet aan deze zoekopdracht.
users-created = Het account is aangemaakt.
users-username-hint = 3 tot 64 tekens: kleine letters, cijfers, punten, koppeltekens en underscores. De gebruikersnaam kan later niet meer worden gewijzigd.
users-password-hint = Minstens 12 tekens; geen veelgebruikt wachtwoord en zonder de gebruikersnaam. Bezorg het persoonlijk aan de gebruiker: die kan het wijzigen onder Mijn account.
users-active-label = Account actief
users-active-hint = Met een inactief account kan men zich niet aanmelden, en de lopende sessies worden meteen beëindigd.
users-grants-hint = Eén rol per regel, met de gevangenis waar die geldt. Regels die op ‘Geen rol’ blijven staan, worden genegeerd.
users-own-admin-hint = U kunt uw eigen rol van beheerder niet verwijderen.
users-no-role = Geen rol
users-no-roles = Geen rollen
users-second-factor = Verificatie in twee stappen
users-totp-on = Aan
users-totp-off = Uit
users-locked-utc = Geblokkeerd (UTC)
users-locked-until = Geblokkeerd tot { $time }
users-reset-password = Wachtwoord opnieuw instellen
users-reset-password-help = Stelt een nieuw wachtwoord in, heft een blokkering op en beëindigt alle sessies van de gebruiker. Bezorg het nieuwe wachtwoord persoonlijk aan de gebruiker.
users-reset-password-confirm = Het wachtwoord van deze gebruiker opnieuw instellen? De sessies van de gebruiker worden meteen beëindigd.
users-reset-password-done = Het wachtwoord is opnieuw ingesteld. De sessies van de gebruiker zijn beëindigd.
users-new-password = Nieuw wachtwoord
security-title = Beveiligingsinstellingen
security-totp-roles = Rollen die verificatie in twee stappen moeten gebruiken
security-totp-roles-hint = Gebruikers met een van deze rollen moeten verificatie in twee stappen instellen en ze bij elke aanmelding gebruiken.

## Auditlogboek: zoeken

audit-search-label = Het auditlogboek doorzoeken
audit-action-prefix = Handeling
audit-action-hint = Het begin van de code van de handeling, bijvoorbeeld user. of session.sign_in
audit-any-outcome = Elk resultaat
audit-person = Persoonsnummer
audit-from = Vanaf
audit-to = Tot en met
audit-when-utc = Wanneer (UTC)
audit-entries = Registraties in het auditlogboek
audit-none-found = Geen enkele registratie voldoet aan deze zoekopdracht.
person-access-log-help = Elke raadpleging en elke wijziging van de gegevens van deze persoon, de recentste eerst. Aanmeldingen staan er niet bij.
person-access-log-empty = Er is nog geen toegang tot dit dossier geregistreerd.

## Noodtoegang: pagina's

btg-person = Persoonsnummer
btg-person-hint = Laat dit veld alleen leeg als u het nummer niet kent: de toegang geldt dan voor elke persoon in deze gevangenis.
btg-request-confirm = Noodtoegang openen? Uw reden en alles wat u raadpleegt, worden geregistreerd en nagekeken.
btg-opened = De noodtoegang is geopend. Ze vervalt automatisch en wordt achteraf nagekeken.
btg-mine-title = Uw lopende noodtoegangen
btg-mine-empty = U hebt geen lopende noodtoegang.
btg-any-person = Elke persoon in deze gevangenis
btg-opened-at-utc = Geopend (UTC)
btg-ends-at-utc = Einde (UTC)
btg-revoked = Ingetrokken
btg-review-title = Na te kijken noodtoegangen
btg-review-filter = De noodtoegangen filteren
btg-show = Tonen
btg-show-all = Alle noodtoegangen
btg-review-note = Opmerking bij het nazicht
btg-review-saved = Het nazicht is geregistreerd.
btg-already-reviewed = Deze noodtoegang is al nagekeken.
btg-nothing-pending = Er wacht geen enkele noodtoegang op nazicht.
btg-none = Er is nog geen noodtoegang gebruikt.
btg-not-for-you = Uw rollen geven geen recht op noodtoegang of op het nazicht ervan.

## Mijn account

account-title = Mijn account
account-back = Terug naar mijn account
account-profile = Profiel
account-profile-help = Wilt u uw naam, e-mailadres of rollen laten wijzigen, neem dan contact op met uw beheerder. De taal kunt u bovenaan de pagina wijzigen.
account-password-hint = Minstens 12 tekens. Een lange zin die u makkelijk onthoudt, is een goede keuze. Vermijd veelgebruikte wachtwoorden en uw gebruikersnaam.
account-current-password-wrong = Het huidige wachtwoord is onjuist.
account-totp-off = Verificatie in twee stappen is niet ingesteld.
account-totp-set-up = Verificatie in twee stappen instellen
account-totp-setup-help = Voeg uw account toe aan een authenticatie-app: geef de geheime sleutel hieronder in, of gebruik de link als uw app die aanvaardt. Geef daarna ter bevestiging de code van 6 cijfers in die de app toont.
account-totp-uri = Link voor authenticatie-apps
account-tokens = API-tokens
account-tokens-help = Met een API-token kan een programma de API van Continuum in uw naam gebruiken, met uw rechten. Houd het even geheim als een wachtwoord.
account-tokens-empty = U hebt geen API-tokens.
account-token-new = Nieuw API-token
account-token-label = Label
account-token-days = Geldig gedurende (dagen)
account-token-days-hint = Laat leeg voor de standaardgeldigheid.
account-token-create = Token aanmaken
account-token-created = Het API-token is aangemaakt.
account-token-once = Kopieer dit token nu: het wordt maar één keer getoond en kan later niet meer worden opgevraagd.
account-token-ends = Het token vervalt op { $time } (UTC).
account-token-ends-utc = Vervalt (UTC)
account-token-expired = Vervallen
account-token-revoked-state = Ingetrokken
account-token-revoke = Intrekken
account-token-revoke-named = Token { $name } intrekken
account-token-revoke-confirm = Dit token intrekken? Programma's die het gebruiken, verliezen meteen hun toegang.
account-token-revoked = Het token is ingetrokken.

## Entry register
nav-people = Register
choose = Kies…
date-hint = Dag/maand/jaar, bv. 23/11/2026
nav-worklist = Werklijst
worklist-title = Werklijst
worklist-awaiting-screening = Binnengekomen, nog niet gescreend
worklist-awaiting-hint = Wie het langst wacht eerst. De screening moet binnen { $days } dagen na binnenkomst gebeuren, of na de signalering die het traject heropende.
worklist-awaiting-empty = Iedereen die hier binnenkwam, is gescreend.
worklist-days-waiting = Dagen wachtend
worklist-overdue = te laat
worklist-filter-label = Wachtenden filteren
worklist-overdue-only = Alleen wie langer dan { $days } dagen wacht
worklist-filter = Filteren
worklist-overdue-empty = Niemand wacht hier langer dan de termijn voor screening.
worklist-positive-without-intake = Positieve screening, nog geen intake
worklist-positive-hint = Een intake werd voorgesteld na een positieve screening of op vraag van de persoon. Wie het langst wacht eerst.
worklist-positive-empty = Elke positieve screening hier heeft tot een intake geleid.
worklist-positive-since = Wacht sinds
worklist-screened-this-week = Gescreend in de afgelopen 7 dagen
worklist-screened-empty = Niemand werd hier gescreend in de afgelopen 7 dagen.
worklist-screened-at = Afgerond
screening-title = Screening (interview)
screening-interview-hint = Lees elke vraag voor van het gevalideerde formulier; dit zijn de korte labels van Continuum.
screening-progress = Beantwoord
screening-next = Opslaan en verder
screening-previous = Vorige vraag
screening-other-name = Welke middel
screening-all-answered = Alle vragen zijn beantwoord. Rond de screening af om het resultaat te zien.
screening-complete = Screening afronden
screening-see-result = Resultaat bekijken
screening-back-to-person = Terug naar de persoon
screening-choose-an-answer = Kies een van de antwoorden.
screening-result-title = Resultaat van de screening
screening-positive = Positieve screening.
screening-positive-next = Een intake wordt voorgesteld.
screening-negative = Negatieve screening.
screening-negative-next = Het traject wordt afgesloten, tenzij de persoon om zorg vraagt.
screening-instrument = Instrument
screening-mode = Afname
screening-mode-interview = Interview
screening-mode-self = Zelf ingevuld
screening-language = Taal
screening-completed-at = Afgerond (UTC)
screening-scores = Scores
screening-substance = Middel
screening-score = Score
screening-risk = Risico
screening-action = Wat er nodig is
screening-start = Nu screenen (interview)
screening-section = Screening
screening-none = Nog geen screening.
screening-in-progress = Bezig
screening-refused = geweigerd door de persoon
screening-refuse = De persoon weigert de screening
screening-refuse-why = Opgegeven reden (niet verplicht)
screening-refuse-hint = Geen klinische details. De persoon blijft op de werklijst en de screening kan opnieuw worden aangeboden.
screening-refuse-confirm = Weigering vastleggen
screening-action-general-information = Laag risico: algemene informatie geven.
screening-action-brief-intervention = Matig risico: een korte interventie aanbieden.
screening-action-further-assessment = Hoog risico: doorverwijzen voor verdere assessment en intensievere behandeling.
screening-action-injecting = Geïnjecteerd in de voorbije 3 maanden: risico-informatie geven en doorverwijzen.
screening-action-alcohol-education = AUDIT zone I: informatie over alcohol.
screening-action-simple-advice = AUDIT zone II: eenvoudig advies.
screening-action-brief-counselling = AUDIT zone III: eenvoudig advies, kort counselinggesprek en opvolging.
screening-action-specialist-referral = AUDIT zone IV: doorverwijzing naar een specialist voor diagnostiek en behandeling.
people-title = Register van binnenkomsten
people-new = Binnenkomst registreren
people-new-title = Binnenkomst registreren
people-edit-title = Identiteit wijzigen
people-register = Registreren
people-back = Terug naar het register
people-search-label = Zoeken in het register
people-search = Naam, rolnummer of geboortedatum
people-search-hint = Accenten, hoofdletters en de volgorde van de namen maken niet uit.
people-none-found = Niemand komt overeen met deze zoekopdracht.
people-empty = Er is nog niemand geregistreerd in deze gevangenis.
people-episodes = Detentieperiodes
people-identity = Identiteit
people-entry = Binnenkomst
people-duplicates-title = Mogelijk al geregistreerd
people-possible-duplicates = Er zijn al personen geregistreerd met dezelfde geboortedatum en een gemeenschappelijke naam. Controleer de lijst hieronder; gaat het om iemand anders, vink dan het vakje aan en registreer opnieuw.
people-not-a-duplicate = Dit is een andere persoon: toch registreren
person-family-name = Familienaam
person-given-names = Voornamen
person-birth-date = Geboortedatum
person-sex = Geslacht
person-nationality = Nationaliteit
person-nationality-hint = Landcode van twee letters, bv. BE, MA, RO
person-languages = Gesproken talen
person-languages-hint = Taalcodes van twee letters gescheiden door komma’s, bv. nl, fr, ar
person-preferred-language = Voorkeurstaal
person-preferred-language-hint = De taal waarin de persoon wordt aangesproken, bv. nl
person-site = Gevangenis
person-prison-number = Rolnummer
person-entry-date = Datum van binnenkomst
person-legal-status = Juridisch statuut
person-expected-release = Verwachte vrijlating
person-release-date = Datum van vrijlating
sex-female = Vrouw
sex-male = Man
sex-other = Andere
sex-unknown = Onbekend
legal-status-remand = Beklaagde (voorlopige hechtenis)
legal-status-sentenced = Veroordeelde
legal-status-interned = Geïnterneerde
legal-status-other = Andere

## Zorgtraject

pathway-state-signalled = Gesignaleerd
pathway-state-screening_offered = Screening aangeboden
pathway-state-intake_proposed = Intake voorgesteld
pathway-state-intake = Intake gebeurd
pathway-state-in_care = In zorg
pathway-state-release_planning = Voorbereiding van de vrijlating
pathway-state-released_in_follow_up = Vrijgelaten, in opvolging
pathway-state-declined = Geweigerd door de gedetineerde
pathway-state-closed = Afgesloten
pathway-closing-completed = Afgerond
pathway-closing-declined = Geweigerd door de gedetineerde
pathway-closing-lost_to_follow_up = Contact verloren tijdens de opvolging
pathway-closing-transferred_out_of_programme = Overgeplaatst buiten het programma
pathway-closing-released_without_follow_up = Vrijgelaten zonder opvolging
pathway-closing-deceased = Overleden
pathway-source-entry = Opsluiting in de gevangenis
pathway-source-prison_staff = Penitentiair personeel
pathway-source-medical_service = Medische dienst
pathway-source-person = De gedetineerde zelf
pathway-source-care_worker = Zorgverlener
pathway-command-signal = Signaleren
pathway-command-offer_screening = Screening aanbieden
pathway-command-refuse_screening = Screening geweigerd
pathway-command-record_screening = Screening registreren
pathway-command-propose_intake = Intake voorstellen
pathway-command-record_intake = Intake registreren
pathway-command-start_care = Zorg starten
pathway-command-plan_release = Vrijlating voorbereiden
pathway-command-release = Vrijlating registreren
pathway-command-complete_follow_up = Opvolging afronden
pathway-command-decline = Gedetineerde weigert
pathway-command-come_back = Gedetineerde komt terug
pathway-command-transfer = Overplaatsing registreren
pathway-command-close = Zorgtraject afsluiten
pathway-command-reopen = Zorgtraject heropenen
pathway-refused-closed = Dit zorgtraject is afgesloten. Het kan alleen heropend worden.
pathway-refused-not-closed = Dit zorgtraject is nog open en kan dus niet heropend worden.
pathway-refused-already-signalled = Deze gedetineerde heeft al een open zorgtraject. Ga daarmee verder.
pathway-refused-screening-not-offered = Bied eerst de screening aan.
pathway-refused-intake-not-proposed = Stel eerst een intake voor, na een positieve screening of op vraag van de gedetineerde.
pathway-refused-intake-not-done = Registreer eerst de intake.
pathway-refused-follow-up-needs-care = Opvolging na de vrijlating kan pas als de intake gebeurd is. Registreer de vrijlating zonder opvolging.
pathway-refused-already-released = De gedetineerde is al vrijgelaten.
pathway-refused-not-in-follow-up = Dit kan alleen tijdens de opvolging na de vrijlating.
pathway-refused-not-completable = Een zorgtraject kan alleen afgerond worden terwijl de gedetineerde in zorg is, of aan het einde van de opvolging na de vrijlating.
pathway-refused-already-declined = De gedetineerde heeft al geweigerd.
pathway-refused-declined = De gedetineerde heeft geweigerd. Registreer eerst dat hij of zij terugkomt.
pathway-refused-not-declined = Dit kan alleen nadat de gedetineerde geweigerd heeft.
pathway-refused-same-site = Het zorgtraject is al in deze gevangenis.
pathway-refused-reason-follows-from-step = Deze reden volgt uit een stap: registreer de overplaatsing of de vrijlating.
pathway-refused-reason-required = Geef een reden op.
pathway-refused-before-last-step = De datum en het uur liggen vóór de laatste stap van het zorgtraject.
pathway-refused-not-allowed = ‘{ $command }’ is niet mogelijk zolang het zorgtraject in de fase ‘{ $state }’ is.

## Content packs and the self-administration kiosk

nav-content-packs = Gevalideerde teksten
packs-title = Gevalideerde teksten van vragenlijsten
packs-intro = De gevalideerde tekst van de screeningsinstrumenten, per instrumentversie en taal, met de bron, de rechthebbende en de datum van de toestemming. Ze wordt in de databank bewaard, nooit in de software. Een interview gebruikt de labels van Continuum; zelfafname op een tablet vraagt een tekst in de taal van de persoon.
packs-load = Een tekst laden
packs-file = Tekstbestand (TOML)
packs-file-hint = Het bestand moet elk item en elk antwoord van de instrumentversie bevatten. Een tekst voor een versie en taal die er al een heeft, vervangt die; de oude blijft bewaard.
packs-load-button = De tekst laden
packs-loaded = Geladen teksten
packs-none = Er is nog geen tekst geladen.
packs-id = Nr.
packs-active = Actief
packs-replaced = Vervangen op { $time }
packs-source = Bron
packs-rights-holder = Rechthebbende
packs-permission-date = Toestemming van
packs-loaded-by = Geladen door (UTC)
packs-loaded-notice = Tekst { $id } is geladen en actief.
packs-refused = De tekst werd niet geladen
packs-choose-file = Kies een tekstbestand.
packs-not-text = Het bestand is geen UTF-8-tekst.
pack-error-unreadable = Het bestand is geen geldig tekstbestand: { $detail }
pack-error-unknown-instrument = Instrument { $instrument } { $version }: deze instrumentversie bestaat niet.
pack-error-language = Taal ‘{ $language }’: alleen nl, fr en en zijn mogelijk.
pack-error-missing = { $field }: ontbreekt.
pack-error-too-long = { $field }: langer dan { $max } tekens.
pack-error-permission-date = permission_date ‘{ $value }’: geen datum (JJJJ-MM-DD) tot vandaag.
pack-error-item-missing = Item { $item }: de tekst ontbreekt.
pack-error-unknown-item = Item { $item }: geen item van deze instrumentversie.
pack-error-option-missing = Antwoord { $option }: de tekst ontbreekt.
pack-error-unknown-option = Antwoord { $option }: geen antwoord van deze instrumentversie.
pack-error-wording-too-long = { $item }: de tekst is langer dan { $max } tekens.
kiosk-start = Zelfafname op een tablet
kiosk-needs-pack = Zelfafname op een tablet vraagt een gevalideerde tekst in de voorkeurstaal van de persoon, en er is er geen geladen. Neem de screening af als interview.
kiosk-code-title = Koppelcode voor de tablet
kiosk-code-instructions = Open op de tablet de pagina /kiosk en typ deze code. De tablet toont de persoon dan de vragen, één per keer, in zijn of haar taal.
kiosk-code-valid-until = De code is één keer bruikbaar, tot { $time } (UTC).
kiosk-result-here = Het resultaat verschijnt nooit op de tablet: u ziet het hier zodra de persoon de antwoorden heeft verstuurd.
kiosk-follow = De screening volgen
kiosk-unavailable-title = Zelfafname niet mogelijk
kiosk-no-content-pack = Er is geen gevalideerde tekst van de screening geladen in de voorkeurstaal van de persoon ({ $language }). Zelfafname is niet mogelijk: neem de screening af als interview.
kiosk-interview-underway = Er loopt al een interview met deze persoon dat antwoorden bevat. Zet het voort als interview.
kiosk-continue-interview = Het interview voortzetten
kiosk-screening-title = Screening (zelfafname op een tablet)
kiosk-screening-hint = De persoon antwoordt op de tablet; elk antwoord wordt bewaard zodra het gegeven is.
kiosk-state-none = Er is geen tablet gekoppeld. Geef een nieuwe koppelcode om verder te gaan op een tablet.
kiosk-state-paired = Een tablet is gekoppeld; laatste activiteit om { $time } (UTC).
kiosk-state-waiting = Een koppelcode wacht op de tablet tot { $time } (UTC).
kiosk-new-code = Nieuwe koppelcode
kiosk-answering = De persoon antwoordt op de tablet.
kiosk-content-pack = Gevalideerde tekst
kiosk-pack-number = Tekst
kiosk-pack-none = Geen (interview met de labels van Continuum)
kiosk-demo-banner = Demonstratie: de vragen zijn labels van Continuum, niet de gevalideerde tekst.
kiosk-locked-title = Deze tablet is vergrendeld
kiosk-thank-you = Dank u. Uw antwoorden zijn bewaard. Geef de tablet terug.
kiosk-code-label = Koppelcode
kiosk-code-hint = De acht cijfers die de hulpverlener u geeft.
kiosk-pair = Beginnen
kiosk-staff-sign-in = Aanmelden voor personeel
kiosk-code-invalid = Deze code is niet geldig, werd al gebruikt of is verlopen. Vraag de hulpverlener om een nieuwe code.
kiosk-question-title = Vragenlijst
kiosk-progress = Voortgang
kiosk-progress-count = Beantwoorde vragen: { $answered } van { $total }
kiosk-other-name = Welk middel?
kiosk-next = Volgende
kiosk-back = Terug
kiosk-all-answered-title = U hebt alle vragen beantwoord
kiosk-all-answered = U kunt teruggaan om een antwoord te wijzigen, of uw antwoorden nu versturen.
kiosk-finish = Mijn antwoorden versturen
kiosk-name-required = Schrijf welk middel het is.
## Screenings through the API and FHIR (issue 4, item 7)
screening-answer-not-an-option = ‘{ $option }’ is geen van de antwoorden op vraag { $item }.
screening-answer-unknown-item = { $item } is geen vraag van dit instrument.
screening-already-completed = Deze screening is al afgerond: de antwoorden kunnen niet meer veranderen.
screening-not-yet-complete = Deze screening is niet volledig: beantwoord eerst alle gestelde vragen.
fhir-subject-required = Geef de persoon op als subject=Patient/ID.
fhir-subject-invalid = Het onderwerp moet een persoon zijn, geschreven als Patient/ID.
## Detentieperiodes en signalen (issue 4, punten 1 en 3)

validation-before-entry = Deze datum ligt vóór de datum van opsluiting.
validation-same-site = De persoon verblijft al in deze gevangenis.
validation-episode-ended = Deze detentieperiode is al afgesloten.
validation-not-at-site = Niemand met dit nummer is in deze gevangenis ingeschreven.
release-kind-end_of_sentence = Strafeinde
release-kind-conditional_release = Voorwaardelijke invrijheidstelling
release-kind-electronic_monitoring = Elektronisch toezicht
release-kind-provisional_release = Voorlopige invrijheidstelling
release-kind-released_by_court = Invrijheidstelling door de rechter
release-kind-removal = Verwijdering van het grondgebied
release-kind-transfer = Overplaatsing naar een andere gevangenis van het programma
release-kind-transfer_out = Overplaatsing naar een gevangenis buiten het programma
release-kind-deceased = Overleden in detentie
release-kind-other = Andere
episode-change-created = Opsluiting
episode-change-updated = Gewijzigd
episode-change-released = Invrijheidstelling
episode-change-transferred = Overplaatsing
episode-change = Wijziging
episode-history = Wijzigingen van de detentieperiodes
episode-current = Huidige detentieperiode
episode-edit-title = Detentieperiode wijzigen
episode-release-title = Invrijheidstelling registreren
episode-transfer-title = Overplaatsing naar een andere gevangenis
episode-release = Invrijheidstelling registreren
episode-transfer = Overplaatsen
episode-release-kind = Soort invrijheidstelling
episode-release-help = De detentieperiode eindigt op deze dag. Had de persoon nog geen intake, dan wordt het zorgtraject afgesloten; na een intake beslist het zorgteam over de opvolging.
episode-release-confirm = Deze invrijheidstelling registreren? De detentieperiode wordt afgesloten.
episode-transfer-to = Ontvangende gevangenis
episode-transfer-date = Datum van overplaatsing
episode-new-prison-number = Nieuw rolnummer
episode-new-prison-number-hint = Leeg laten als de persoon het huidige nummer houdt.
episode-transfer-help = De detentieperiode hier eindigt op de dag van de overplaatsing en in de ontvangende gevangenis begint een nieuwe. Het team daar neemt de persoon over, met het zorgtraject; uw team ziet de persoon niet meer.
episode-transfer-confirm = Deze persoon overplaatsen? Uw team ziet de persoon daarna niet meer.
episode-transferred-from = overgeplaatst uit { $site }
episode-transferred-to = overgeplaatst naar { $site }
episode-transferred-notice = De overplaatsing is geregistreerd. De persoon staat nu in het register van { $site }.
nav-signals = Signalen
signals-title = Signalen
signals-signal-person = Een hulpvraag signaleren
signals-none-for-person = Niemand heeft deze persoon gesignaleerd.
signals-signalled-at = Gesignaleerd op
signals-source = Door
signals-reason = Reden
signals-signalled-by = Gesignaleerd door
signals-received = Ontvangen
signals-not-received = Nog niet
signals-mine-title = Mijn signalen
signals-mine-help = Wat u signaleerde en of het zorgteam het ontving.
signals-mine-empty = U hebt nog niemand gesignaleerd.
signals-new-title = Iemand signaleren die hulp kan nodig hebben
signals-sent = Uw signaal is naar het zorgteam gestuurd.
signals-as-typed = Rolnummer en naam
signals-on-behalf-short = op vraag van de persoon zelf
signals-back = Terug naar mijn signalen
signals-form-help = Het zorgteam van de gevangenis volgt het op. Schrijf wat u zag of wat de persoon vroeg, zonder medische details.
signals-person = Persoon
signals-name = Naam
signals-name-hint = Zoals u die kent; zo vindt het zorgteam de juiste persoon.
signals-reason-hint = Kort, en zonder medische details.
signals-on-behalf = De persoon vroeg zelf om hulp
signals-send = Signaal versturen
signals-incoming-title = Binnengekomen signalen
signals-incoming-help = Koppel elk signaal aan de persoon over wie het gaat en markeer het als ontvangen, zodat wie het signaleerde dat weet.
signals-back-to-worklist = Terug naar de werklijst
signals-show-pending = Enkel nog niet ontvangen
signals-show-all = Alle signalen
signals-none = Nog geen signalen.
signals-none-pending = Alle signalen zijn ontvangen.
signals-link-to = Koppelen aan { $name }
signals-no-match = Geen overeenkomst voor dit nummer.
signals-link = Koppelen
signals-acknowledge = Als ontvangen markeren
worklist-signals = Nog niet ontvangen signalen
worklist-signals-count = Nog niet ontvangen: { $count }
worklist-signals-all = Alle binnengekomen signalen
## Dubbele dossiers samenvoegen en opsluitingslijsten importeren via een pagina

nav-merges = Samenvoegingen
merge-title = Een dubbel dossier samenvoegen
merge-back = Terug naar de persoon
merge-record-number = Dossiernummer
merge-number-label = Samenvoeging
merge-number = Samenvoeging { $merge }
merge-duplicate-number = Dossiernummer van het dubbele dossier
merge-duplicate-hint = De gegevens van het dubbele dossier gaan naar dit dossier, dat blijft. Het dossiernummer staat op de pagina van elke persoon.
merge-duplicate-invalid = Geef het dossiernummer van het dubbele dossier (alleen cijfers).
merge-compare = De twee dossiers vergelijken
merge-explain = Controleer dat beide dossiers dezelfde persoon betreffen. Het linkse dossier blijft: het houdt zijn identiteit, zijn lopende detentieperiode en zijn lopend zorgtraject. De periodes, trajecten en screenings van het rechtse dossier gaan ernaartoe; er wordt niets gewist, en een beheerder kan de samenvoeging ongedaan maken.
merge-survivor = Blijft
merge-duplicate = Wordt erin samengevoegd
merge-pathways = Zorgtrajecten
merge-pathway-current = (lopend)
merge-screenings = Screenings
merge-versions = Versies van de identiteit
merge-confirm = Het rechtse dossier in het linkse samenvoegen
merge-swap = Liever het rechtse dossier houden
merge-warning-pathway = Het samengevoegde dossier heeft een open zorgtraject („{ $state }”). Na de samenvoeging wordt het bewaard maar is het niet meer het lopende traject: dat van het blijvende dossier is het. Om het lopend te houden, houd liever het rechtse dossier.
merge-warning-prison-number = Beide dossiers hebben opsluitingsnummer { $number } in { $site }. Na de samenvoeging horen beide periodes bij het blijvende dossier.
merge-warning-birth-date = De geboortedata verschillen. Die van het blijvende dossier wordt behouden; verbeter ze nadien indien nodig.
merge-done = Dossier { $merged } werd in dit dossier samengevoegd.
merge-merged-into = Dit dossier werd op { $at } door { $by } samengevoegd in dossier { $survivor } (samenvoeging { $merge }). Het wordt niet meer getoond of gewijzigd.
merge-open-survivor = Het dossier openen waarin het werd samengevoegd
merge-absorbed-title = Dossiers die in dit dossier werden samengevoegd
merge-same-record = Een dossier kan niet met zichzelf worden samengevoegd.
merge-already-merged = Een van beide dossiers werd al in een ander dossier samengevoegd.
merge-already-undone = Deze samenvoeging werd al ongedaan gemaakt.
merge-undo-later-first = Een latere samenvoeging heeft het blijvende dossier in een ander dossier samengevoegd: maak eerst die samenvoeging ongedaan.
merges-title = Samenvoegingen van dubbele dossiers
merges-explain = Elke samenvoeging van twee dossiers van één persoon. Een samenvoeging ongedaan maken geeft elk dossier precies terug wat van hem was. Hier staan alleen dossiernummers, nooit namen.
merges-empty = Er werd nog geen dossier samengevoegd.
merges-back = Terug naar de samenvoegingen
merge-merged-at = Samengevoegd op (UTC)
merge-state = Toestand
merge-state-active = Van kracht
merge-state-undone = Ongedaan gemaakt
merge-moved-label = Verplaatst
merge-moved = { $episodes } periodes, { $pathways } trajecten, { $screenings } screenings
merge-undo-title = Deze samenvoeging ongedaan maken
merge-undo-explain = De periodes, trajecten en screenings die deze samenvoeging verplaatste, gaan terug naar het samengevoegde dossier, dat opnieuw getoond wordt. Wat sinds de samenvoeging aan het blijvende dossier werd toegevoegd, blijft daar.
merge-undo = De samenvoeging ongedaan maken
merge-undone = De samenvoeging werd ongedaan gemaakt.
import-title = Een opsluitingslijst importeren
import-explain = Laad de opsluitingslijst van de gevangenis op (CSV, UTF-8, één kopregel; de kolommen zijn family_name, given_names, birth_date, sex, nationality, languages, preferred_language, prison_number, entry_date, legal_status, expected_release). Het bestand wordt eerst gecontroleerd: er wordt niets geschreven voor u bevestigt, en reeds geregistreerde opsluitingen blijven zoals ze zijn.
import-file = CSV-bestand
import-file-hint = Ten hoogste { $mb } MB.
import-file-required = Kies het bestand om te importeren.
import-too-large = Het bestand is groter dan { $mb } MB. Splits het in kleinere bestanden en importeer ze een voor een.
import-unreadable = Het bestand kon niet als CSV-opsluitingslijst worden gelezen.
import-missing-columns = Een verplichte kolom ontbreekt: family_name, birth_date, prison_number, entry_date en legal_status zijn verplicht.
import-line-unreadable = De regel kon niet worden gelezen (een aanhalingsteken niet gesloten?).
import-duplicate-number = al toegekend in deze gevangenis aan iemand met een andere geboortedatum, of twee keer in het bestand gegeven
import-check = Het bestand controleren
import-check-title = Controle van de opsluitingslijst
import-result-title = Opsluitingslijst geïmporteerd
import-again = Een ander bestand opladen
import-digest = Vingerafdruk van het bestand (SHA-256)
import-counts = { $lines } regels gelezen: { $new } nieuw, { $known } al geregistreerd, { $refused } geweigerd.
import-refused = Er kan niets worden geïmporteerd: verbeter de regels hieronder en laad het bestand opnieuw op.
import-refused-lines = Geweigerde regels
import-line = Regel
import-reason = Reden
import-nothing-new = Alle opsluitingen van dit bestand zijn al geregistreerd: er is niets te importeren.
import-confirm-title = De nieuwe opsluitingen importeren
import-confirm-explain = Precies het hierboven gecontroleerde bestand wordt geïmporteerd, in één keer.
import-confirm = De nieuwe opsluitingen importeren
import-done = De nieuwe opsluitingen werden geregistreerd.
import-see-register = Het register bekijken, laatste opsluitingen eerst
import-changed-since-check = Er werd niets geïmporteerd: het register is sinds de controle gewijzigd. Laad het bestand opnieuw op.
import-expired = Deze import wacht niet meer op bevestiging (hij werd al bevestigd, of er zijn meer dan 30 minuten verstreken). Laad het bestand opnieuw op.

## Care pathway: intake, care plan, contacts, timeline (issue 5, items 1 to 3)

validation-out-of-range = Vul een getal van { $min } tot { $max } in.
validation-too-many = Kies er ten hoogste { $max }.
validation-dose-unusual = Deze dosis is ongewoon. Controleer ze en vink dan “De dosis is gecontroleerd” aan om ze te bewaren.
validation-repeats-primary = Het primaire middel kan niet ook een secundair middel zijn.
validation-review-before-plan = De evaluatiedatum mag niet vóór de datum van het plan liggen.
care-no-open-pathway = Deze persoon heeft geen open zorgtraject. Heropen het eerst (vanuit een signaal) en registreer dit dan opnieuw.
care-plan-changed = Iemand anders heeft dit zorgplan intussen bewaard. Uw wijzigingen zijn niet bewaard: lees hieronder zijn of haar wijziging en bewaar dan opnieuw.
care-plan-exists = Dit zorgtraject heeft al een zorgplan: wijzig dat plan.
care-answer-yes = Ja
care-answer-no = Nee
care-answer-unknown = Onbekend
care-recency-never = Nooit
care-recency-more_than_12_months = Meer dan 12 maanden geleden
care-recency-last_12_months = In de laatste 12 maanden (niet de laatste 30 dagen)
care-recency-last_30_days = In de laatste 30 dagen
care-recency-unknown = Onbekend
care-not-recorded = Niet geregistreerd
care-back-to-person = Terug naar de persoon
care-nav-label = Zorg voor deze persoon
care-tab-intake = Intake
care-tab-plan = Zorgplan
care-tab-contacts = Contacten
care-tab-timeline = Tijdlijn
care-section = Zorg
care-section-help = Intake en assessment, zorgplan, contacten en het hele traject in volgorde.
intake-title = Intake en assessment
intake-record-help = Registreer de intake: de items van de behandelingsindicator (TDI) kiest u uit lijsten, zodat ze nooit opnieuw getypt moeten worden. Geslacht, leeftijd en nationaliteit komen uit het register. De registratie zet het zorgtraject op “Intake”.
intake-amend-help = Verbeter de intake. De verbeterde versie wordt als nieuwe versie bewaard; de vorige blijft bewaard.
intake-save = Intake registreren
intake-save-amendment = Verbetering bewaren
intake-amend = Intake verbeteren
intake-saved = De intake is bewaard.
intake-none = Voor deze persoon is nog geen intake geregistreerd.
intake-superseded = Dit is een eerdere versie van de intake: een latere verbetering vervangt ze.
intake-versions = Versies van de intake
intake-version-shown = Getoond
intake-version-amendment = Verbetering
intake-version-first = Eerste registratie
intake-section-treatment = Behandeling
intake-section-register = Uit het register
intake-register-hint = Overgenomen uit het register: verbeter ze zo nodig op de pagina van de persoon.
intake-section-use = Middelengebruik
intake-section-situation = Gezondheid en sociale situatie
intake-section-oat = Substitutiebehandeling buiten
intake-section-goals = Doelen en taal
intake-section-language = Taal
intake-section-notes = In de woorden van de persoon
intake-date = Datum van de intake
intake-age = Leeftijd
intake-referral-source = Doorverwezen door
intake-previous-treatment = Eerder behandeld voor druggebruik
intake-ever-oat = Ooit in substitutiebehandeling
intake-primary-substance = Primair middel
intake-secondary-substances = Secundaire middelen
intake-secondary-hint = Ten hoogste 4, alcohol inbegrepen.
intake-route = Gebruikelijke wijze van gebruik (primair middel)
intake-frequency = Frequentie (primair middel)
intake-frequency-hint = In de 30 dagen vóór de detentie.
intake-first-use-age = Leeftijd bij eerste gebruik (primair middel)
intake-injecting = Injecteren
intake-first-injection-age = Leeftijd bij eerste injectie
intake-injection-hint = Alleen voor wie ooit geïnjecteerd heeft.
intake-needle-sharing = Naalden of spuiten gedeeld
intake-living-with = Woonde samen met (vóór de detentie)
intake-lives-with-children = Woonde met kinderen
intake-accommodation = Huisvesting (vóór de detentie)
intake-labour-status = Arbeidssituatie
intake-education = Hoogst voltooide opleiding
intake-health-insurance = Ziekteverzekering in orde
intake-hiv-test = Laatste hiv-test
intake-hcv-test = Laatste hepatitis C-test
intake-health = Gezondheidssituatie
intake-social = Sociale situatie
intake-oat-outside = In substitutiebehandeling buiten
intake-oat-hint = Zo ja: middel, dosis, voorschrijver en laatste inname zijn verplicht.
intake-oat-medicine = Middel
intake-oat-dose = Dagdosis (mg)
intake-oat-dose-hint = Bijvoorbeeld 60 of 0,4.
intake-dose-confirm = De dosis is gecontroleerd
intake-oat-prescriber = Voorschrijver
intake-oat-last-dose-on = Dag van de laatste inname
intake-oat-last-dose-at = Uur van de laatste inname
intake-oat-last-dose = Laatste inname
intake-time-hint = Uren en minuten, bv. 08:30.
intake-goals = Eigen doelen van de persoon
intake-goals-hint = In de woorden van de persoon.
intake-language = Taal van de zorg
intake-interpreter = Er is een tolk nodig
intake-interpreter-needed = tolk nodig
intake-referral-self = De persoon zelf
intake-referral-family_friends = Familie of vrienden
intake-referral-drug_service = Een andere drughulpdienst
intake-referral-general_practitioner = Huisarts
intake-referral-hospital_medical = Ziekenhuis of medische dienst (die van de gevangenis inbegrepen)
intake-referral-social_services = Sociale diensten (psychosociale dienst inbegrepen)
intake-referral-justice = Rechtbank, justitiehuis, politie of penitentiair personeel
intake-referral-education = Onderwijs
intake-referral-other = Andere
intake-referral-unknown = Onbekend
intake-previous-never = Nooit behandeld
intake-previous-previously = Eerder behandeld
intake-previous-unknown = Onbekend
substance-heroin = Heroïne
substance-methadone_misused = Methadon (oneigenlijk gebruik)
substance-buprenorphine_misused = Buprenorfine (oneigenlijk gebruik)
substance-fentanyl_misused = Fentanyl (oneigenlijk gebruik)
substance-other_opioids = Andere opioïden
substance-cocaine = Cocaïne (poeder)
substance-crack = Crack
substance-amphetamines = Amfetamines
substance-methamphetamine = Methamfetamine
substance-mdma = MDMA en afgeleiden
substance-synthetic_cathinones = Synthetische cathinonen
substance-other_stimulants = Andere stimulerende middelen
substance-benzodiazepines = Benzodiazepines
substance-barbiturates = Barbituraten
substance-ghb = GHB of GBL
substance-other_sedatives = Andere slaap- en kalmeringsmiddelen
substance-lsd = LSD
substance-ketamine = Ketamine
substance-other_hallucinogens = Andere hallucinogenen
substance-volatile_inhalants = Vluchtige snuifmiddelen
substance-cannabis = Cannabis
substance-synthetic_cannabinoids = Synthetische cannabinoïden
substance-alcohol = Alcohol
substance-other = Ander middel
intake-route-inject = Geïnjecteerd
intake-route-smoke_inhale = Gerookt of geïnhaleerd
intake-route-eat_drink = Gegeten of gedronken
intake-route-sniff = Gesnoven
intake-route-other = Andere
intake-route-unknown = Onbekend
intake-frequency-daily = Dagelijks
intake-frequency-days_4_6 = 4 tot 6 dagen per week
intake-frequency-days_2_3 = 2 of 3 dagen per week
intake-frequency-weekly_or_less = Eén keer per week of minder
intake-frequency-not_last_30_days = Niet gebruikt in die 30 dagen
intake-frequency-unknown = Onbekend
intake-living-with-alone = Alleen
intake-living-with-parents = Met ouders
intake-living-with-partner = Met een partner
intake-living-with-partner_and_children = Met een partner en kinderen
intake-living-with-alone_with_children = Alleen met kinderen
intake-living-with-friends_or_others = Met vrienden of anderen
intake-living-with-other = Andere
intake-living-with-unknown = Onbekend
intake-accommodation-stable = Vaste woonst
intake-accommodation-unstable = Onstabiel (dakloos, opvang)
intake-accommodation-institution = Een instelling (gevangenis, kliniek)
intake-accommodation-unknown = Onbekend
intake-labour-employed = Vast werk
intake-labour-student = Leerling of student
intake-labour-unemployed = Werkloos
intake-labour-inactive = Niet actief (gepensioneerd, arbeidsongeschikt, huisman of huisvrouw)
intake-labour-other = Andere
intake-labour-unknown = Onbekend
intake-education-none = Geen opleiding voltooid
intake-education-primary = Lager onderwijs
intake-education-lower_secondary = Lager secundair
intake-education-upper_secondary = Hoger secundair
intake-education-higher = Hoger onderwijs
intake-education-unknown = Onbekend
oat-medicine-methadone = Methadon
oat-medicine-buprenorphine = Buprenorfine
oat-medicine-buprenorphine_naloxone = Buprenorfine met naloxon
oat-medicine-other = Andere opioïdagonist
plan-goal-status-open = Lopend
plan-goal-status-achieved = Bereikt
plan-goal-status-abandoned = Opgegeven
plan-intervention-kind-individual_counselling = Individuele begeleiding
plan-intervention-kind-group_work = Groepswerk
plan-intervention-kind-oat = Substitutiebehandeling
plan-intervention-kind-harm_reduction = Schadebeperking
plan-intervention-kind-release_preparation = Voorbereiding van de vrijlating
plan-intervention-kind-referral = Doorverwijzing
plan-intervention-status-planned = Gepland
plan-intervention-status-in_progress = Lopend
plan-intervention-status-done = Gedaan
plan-intervention-status-cancelled = Geannuleerd
plan-change-created = Plan opgesteld
plan-change-revised = Gewijzigd
plan-change-reviewed = Geëvalueerd met de persoon
plan-item-plan = Plan
plan-item-goal = Doel
plan-item-intervention = Interventie
plan-date = Datum van het plan
plan-review-date = Volgende evaluatie
plan-goal-description = Doel
plan-goal-status = Stand
plan-goal-target-date = Streefdatum
plan-intervention-kind = Soort
plan-intervention-description = Wat
plan-intervention-responsible = Wie doet het
plan-intervention-starts-on = Vanaf
plan-intervention-status = Stand
contact-kind-counselling = Begeleiding
contact-kind-assessment = Assessment
contact-kind-group_work = Groepswerk
contact-kind-oat = Substitutiebehandeling
contact-kind-harm_reduction = Schadebeperking
contact-kind-release_preparation = Voorbereiding van de vrijlating
contact-kind-referral = Doorverwijzing
contact-kind-crisis = Crisis
contact-kind-other = Andere
contact-attendance-attended = Aanwezig
contact-attendance-did_not_attend = Afwezig
plan-title = Zorgplan
plan-history-title = Versies van het plan
plan-start-help = De doelen die met de persoon zijn afgesproken en de interventies die ertoe leiden. Het eerste plan bewaren zet het zorgtraject op “In zorg”; de intake moet eerst geregistreerd zijn.
plan-change-help = Elke keer bewaren is een nieuwe versie van het plan; de vorige versies blijven bewaard.
plan-dates = Data
plan-review-hint = Niet vóór de datum van het plan. De werklijst toont de evaluatie vanaf { $days } dagen vooraf.
plan-reviewed = Deze versie is een evaluatie met de persoon
plan-reviewed-hint = Vink aan wanneer het plan met de persoon overlopen werd.
plan-goals = Doelen
plan-interventions = Interventies
plan-new-row = nieuw
plan-remove-goal = Dit doel uit het plan halen
plan-remove-intervention = Deze interventie uit het plan halen
plan-add-goal = Een doel toevoegen
plan-add-intervention = Een interventie toevoegen
plan-note = Opmerking bij deze versie
plan-note-hint = Wat er veranderde en waarom, in enkele woorden.
plan-start = Plan bewaren
plan-save = Nieuwe versie bewaren
plan-change = Plan wijzigen
plan-saved = Het zorgplan is bewaard.
plan-none = Deze persoon heeft nog geen zorgplan.
plan-earlier-version = Dit is een eerdere versie van het plan.
plan-no-interventions = Er is geen interventie gepland.
plan-versions = Versies
plan-back = Terug naar het plan
plan-no-difference = Er veranderde niets behalve de opmerking of de evaluatiemarkering.
plan-meanwhile-title = Intussen door iemand anders bewaard
plan-meanwhile-help = Het formulier hieronder bevat nog wat u typte. Vergelijk het met deze wijzigingen en bewaar dan opnieuw: uw bewaring vervangt het plan zoals hierboven getoond.
plan-review-overdue = evaluatie verstreken
plan-review-due = evaluatie nadert
plan-diff-added = { $kind } toegevoegd: “{ $item }”
plan-diff-removed = { $kind } verwijderd: “{ $item }”
plan-diff-changed = { $kind } “{ $item }”: { $field } { $from } → { $to }
plan-diff-plan-changed = { $field }: { $from } → { $to }
worklist-reviews = Te evalueren zorgplannen
worklist-reviews-hint = De plannen waarvan de evaluatiedatum in de komende { $days } dagen valt of verstreken is, de vroegste eerst.
worklist-reviews-empty = Er moet geen zorgplan geëvalueerd worden.
