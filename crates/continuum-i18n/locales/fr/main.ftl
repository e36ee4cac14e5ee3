### Continuum : français (fr), usage belge.
###
### Conventions
### - Mêmes identifiants et mêmes variables que en/main.ftl (vérifié par les tests).
### - On vouvoie l'utilisateur ; on évite les accords de genre sur la personne.
### - Espace insécable (U+00A0) avant : ; ? ! et à l'intérieur des guillemets « ».
### - Termes selon le glossaire de DOMAIN.md (« site » = prison).

## Application

app-name = Continuum
app-tagline = Continuité des soins en matière de drogues en prison
demo-banner = Mode démo : données fictives uniquement. N'encodez aucune donnée personnelle réelle. Le mot de passe de chaque compte est « demo ».
demo-label = Démo
skip-to-content = Aller au contenu
main-navigation = Navigation principale
user-menu = Menu du compte
lang-switch-label = Langue
site-switch-label = Prison
switch-apply = Changer
acting-for = Prison actuelle : { $site }
signed-in-as = Session de { $name }
footer-confidential = Confidentiel : contient des données de santé à caractère personnel. Chaque consultation est enregistrée.

## Navigation

nav-home = Accueil
nav-sites = Prisons
nav-organisations = Organisations
nav-users = Utilisateurs
nav-audit = Journal d'audit
nav-emergency-access = Accès d'urgence
nav-my-account = Mon compte
nav-api-docs = Documentation de l'API

## Connexion, vérification en deux étapes et session

sign-in = Se connecter
sign-out = Se déconnecter
sign-in-title = Connexion à Continuum
sign-in-help = Mot de passe oublié ou plus d'accès à votre application d'authentification ? Contactez votre administrateur.
signed-out = Votre session a été fermée.
username = Nom d'utilisateur
password = Mot de passe
current-password = Mot de passe actuel
new-password = Nouveau mot de passe
confirm-password = Confirmez le nouveau mot de passe
change-password = Changer le mot de passe
password-changed = Votre mot de passe a été modifié.
totp-code = Code de vérification
totp-title = Vérification en deux étapes
totp-help = Encodez le code à 6 chiffres affiché par votre application d'authentification.
totp-setup-title = Configurer la vérification en deux étapes
totp-setup-help = Scannez le code QR avec une application d'authentification, ou encodez manuellement la clé secrète ci-dessous. Pour confirmer, encodez ensuite le code à 6 chiffres affiché par l'application.
totp-secret = Clé secrète
totp-enable = Activer la vérification en deux étapes
totp-enabled = La vérification en deux étapes est activée.
session-idle-warning = Pour votre sécurité, votre session est fermée automatiquement après une période d'inactivité. Les modifications non enregistrées sont alors perdues.

## Actions et libellés courants

save = Enregistrer
cancel = Annuler
create = Créer
edit = Modifier
delete = Supprimer
confirm = Confirmer
confirm-delete = Supprimer cet élément ? Cette action est irréversible.
search = Rechercher
filter = Filtrer
apply = Appliquer
clear-filters = Effacer les filtres
back = Retour
close = Fermer
view = Afficher
print = Imprimer
actions = Actions
details = Détails
status = Statut
date = Date
description = Description
reason = Motif
not-set = Non renseigné
select-placeholder = Choisir…
required = obligatoire
optional = facultatif
saved = Modifications enregistrées.
yes = Oui
no = Non
active = Actif
inactive = Inactif
name = Nom
code = Code
language = Langue
languages = Langues
kind = Type
site = Prison
sites = Prisons
all-sites = Toutes les prisons
role = Rôle
roles = Rôles
email = Adresse e-mail
contact = Coordonnées
display-name = Nom affiché
valid-from = Valable à partir du
valid-until = Valable jusqu'au
history = Historique
changed-by = Modifié par
changed-at = Modifié le
created = Créé le
updated = Mis à jour le

## Listes, tableaux et pagination

pagination = Pagination
previous-page = Page précédente
next-page = Page suivante
page-of = Page { $page } sur { $pages }
no-results = Aucun résultat.
results-count =
    { $count ->
        [0] Aucun résultat
        [one] { $count } résultat
       *[other] { $count } résultats
    }
results-count-more = Plus de { $count } résultats, précisez la recherche pour les voir tous
sort-by = Trier par { $column }
sorted-ascending = tri croissant
sorted-descending = tri décroissant

## Messages (le libellé est toujours écrit, jamais indiqué par la seule couleur)

notice-success = Réussi
notice-warning = Attention
notice-danger = Erreur
notice-info = Information
error-summary-title = Il y a un problème
field-error-prefix = Erreur :

## Accueil

home-title = Accueil
home-welcome = Bienvenue, { $name }.
home-your-roles = Vos rôles
home-no-roles = Aucun rôle ne vous est encore attribué. Demandez un accès à votre administrateur.

## Rôles (valeurs codées des rôles)

role-care_worker = Intervenant (projet)
role-medical = Service médical
role-psychosocial = Service psychosocial
role-prison_staff = Agent pénitentiaire
role-director = Directeur de prison
role-coordinator = Coordinateur drogues
role-steering_member = Membre d'un groupe de pilotage
role-external_provider = Intervenant externe
role-researcher = Chercheur
role-admin = Administrateur

## Types d'organisations

org-kind-prison = Prison
org-kind-drug_service = Service spécialisé en assuétudes
org-kind-care_provider = Prestataire de soins
org-kind-other = Autre

## Journal d'audit

audit-title = Journal d'audit
audit-when = Quand
audit-who = Qui
audit-action = Action
audit-outcome = Résultat
audit-outcome-allowed = Autorisé
audit-outcome-denied = Refusé
audit-outcome-failed = Échec
audit-purpose = Finalité
purpose-treatment = Soins et traitement
purpose-break_the_glass = Accès d'urgence
purpose-research = Recherche
purpose-administration = Administration
purpose-authentication = Connexion
audit-resource = Données consultées
audit-access-point = Point d'accès
audit-request-id = Référence de la requête
audit-verify-ok = Le journal d'audit est intact : chaque entrée est liée à la précédente.
audit-verify-broken = La chaîne du journal d'audit est rompue à l'entrée { $seq }. Prévenez l'administrateur et le délégué à la protection des données.
person-access-log-title = Qui a consulté ce dossier

## Accès d'urgence (bris de glace)

btg-title = Accès d'urgence
btg-help = N'utilisez l'accès d'urgence qu'en cas d'urgence médicale, lorsque vous avez besoin du dossier d'une personne détenue dans une prison où vous ne travaillez pas habituellement. Le motif est obligatoire. L'accès est limité dans le temps et prend fin automatiquement. Chaque utilisation est enregistrée et contrôlée par la suite.
btg-reason = Motif de l'accès d'urgence
btg-request = Demander l'accès d'urgence
btg-expires = Fin de l'accès : { $time }
btg-review = Contrôler
btg-reviewed = Contrôlé
btg-pending-review = En attente de contrôle

## Erreurs

error-title = Erreur
error-back-home = Retour à l'accueil
error-not-found = Cette page ou cet élément n'existe pas ou plus.
error-forbidden = Vous n'avez pas accès à cette page. Si vous en avez besoin pour votre travail, adressez-vous à votre administrateur.
error-unauthenticated = Veuillez vous connecter pour continuer.
error-conflict = Quelqu'un d'autre a modifié cet élément entre-temps. Rechargez la page, vérifiez les modifications et réessayez.
error-internal = Une erreur s'est produite. Communiquez la référence { $request_id } à l'administrateur.
error-unavailable = Le service est temporairement indisponible. Réessayez dans quelques minutes.
error-too-large = Les données envoyées sont trop volumineuses.
error-invalid = Veuillez corriger les champs signalés ci-dessous.
error-csrf = Ce formulaire a expiré ou a été envoyé depuis une autre page. Rechargez la page et réessayez.
error-rate-limited = Trop de requêtes. Patientez un instant, puis réessayez.
error-locked =
    { $minutes ->
        [one] Trop de tentatives de connexion échouées. Réessayez dans { $minutes } minute.
       *[other] Trop de tentatives de connexion échouées. Réessayez dans { $minutes } minutes.
    }
error-bad-credentials = Le nom d'utilisateur ou le mot de passe est incorrect.
error-totp-invalid = Le code de vérification est incorrect ou a expiré. Encodez le code actuel de votre application d'authentification.
error-session-expired = Votre session a expiré. Veuillez vous reconnecter.

## Validation

validation-required = Ce champ est obligatoire.
validation-too-short =
    { $min ->
        [one] Encodez au moins { $min } caractère.
       *[other] Encodez au moins { $min } caractères.
    }
validation-too-long =
    { $max ->
        [one] Encodez au maximum { $max } caractère.
       *[other] Encodez au maximum { $max } caractères.
    }
validation-invalid-format = Le format n'est pas valide.
validation-password-common = Ce mot de passe est trop courant. Choisissez-en un plus difficile à deviner.
validation-password-too-short =
    { $min ->
        [one] Le mot de passe doit comporter au moins { $min } caractère.
       *[other] Le mot de passe doit comporter au moins { $min } caractères.
    }
validation-password-contains-username = Le mot de passe ne peut pas contenir votre nom d'utilisateur.
validation-password-mismatch = Les deux mots de passe ne correspondent pas.
validation-duplicate = Cette valeur est déjà utilisée.
validation-unknown-site = Prison inconnue.
validation-date-order = La date de fin ne peut pas précéder la date de début.
validation-impossible-date = Cette date est impossible.
validation-before-birth = Cette date précède la date de naissance.

## Pages d'administration : éléments communs

version = Version
created-utc = Créé le (UTC)
updated-utc = Mis à jour le (UTC)
changed-at-utc = Modifié le (UTC)
date-format-hint = Format : AAAA-MM-JJ
language-nl = Néerlandais
language-fr = Français
language-en = Anglais

## Prisons (sites)

sites-title = Prisons
sites-new = Nouvelle prison
sites-new-title = Nouvelle prison
sites-edit-title = Modifier la prison
sites-back = Retour aux prisons
sites-empty = Il n'y a pas encore de prison.
sites-code-hint = Trois lettres, par exemple HAS pour Hasselt.
sites-active-label = Participe actuellement au programme

## Organisations

organisations-title = Organisations
organisations-new = Nouvelle organisation
organisations-new-title = Nouvelle organisation
organisations-edit-title = Modifier l'organisation
organisations-back = Retour aux organisations
organisations-empty = Il n'y a pas encore d'organisation.
organisations-none-found = Aucune organisation ne correspond à cette recherche.
organisations-search = Le nom contient
organisations-search-label = Rechercher des organisations
organisations-all-kinds = Tous les types
organisations-contact-hint = Adresse, numéro de téléphone, adresse e-mail.
organisations-active-label = En service

## Utilisateurs et paramètres de sécurité

users-title = Utilisateurs
users-new = Nouvel utilisateur
users-new-title = Nouvel utilisateur
users-edit-title = Modifier le compte
users-back = Retour aux utilisateurs
users-search = Nom d'utilisateur ou nom
users-search-label = Rechercher des utilisateurs
users-none-found = Aucun utilisateur ne correspond à cette recherche.
users-created = Le compte a été créé.
users-username-hint = De 3 à 64 caractères : lettres minuscules, chiffres, points, traits d'union et tirets bas. Il ne peut plus être modifié par la suite.
users-password-hint = Au moins 12 caractères ; pas un mot de passe courant et sans le nom d'utilisateur. Remettez-le en main propre à l'utilisateur, qui pourra le changer sous Mon compte.
users-active-label = Compte actif
users-active-hint = Un compte inactif ne peut pas se connecter, et ses sessions sont fermées immédiatement.
users-grants-hint = Un rôle par ligne, avec la prison où il s'applique. Les lignes laissées sur « Aucun rôle » sont ignorées.
users-own-admin-hint = Vous ne pouvez pas retirer votre propre rôle d'administrateur.
users-no-role = Aucun rôle
users-no-roles = Aucun rôle
users-second-factor = Vérification en deux étapes
users-totp-on = Activée
users-totp-off = Désactivée
users-locked-utc = Bloqué (UTC)
users-locked-until = Bloqué jusqu'au { $time }
users-reset-password = Réinitialiser le mot de passe
users-reset-password-help = Définit un nouveau mot de passe, lève un blocage et ferme toutes les sessions de l'utilisateur. Remettez le nouveau mot de passe en main propre à l'utilisateur.
users-reset-password-confirm = Réinitialiser le mot de passe de cet utilisateur ? Ses sessions sont fermées immédiatement.
users-reset-password-done = Le mot de passe a été réinitialisé. Les sessions de l'utilisateur ont été fermées.
users-new-password = Nouveau mot de passe
security-title = Paramètres de sécurité
security-totp-roles = Rôles qui doivent utiliser la vérification en deux étapes
security-totp-roles-hint = Les utilisateurs qui ont l'un de ces rôles doivent configurer la vérification en deux étapes et l'utiliser à chaque connexion.

## Journal d'audit : recherche

audit-search-label = Rechercher dans le journal d'audit
audit-action-prefix = Action
audit-action-hint = Le début du code de l'action, par exemple user. ou session.sign_in
audit-any-outcome = Tous les résultats
audit-person = Numéro de la personne
audit-from = Du
audit-to = Au (inclus)
audit-when-utc = Quand (UTC)
audit-entries = Entrées du journal d'audit
audit-none-found = Aucune entrée ne correspond à cette recherche.
person-access-log-help = Chaque consultation et chaque modification des données de cette personne, de la plus récente à la plus ancienne. Les connexions ne sont pas reprises.
person-access-log-empty = Aucun accès à ce dossier n'a été enregistré.

## Accès d'urgence : pages

btg-person = Numéro de la personne
btg-person-hint = Ne laissez ce champ vide que si vous ne connaissez pas le numéro : l'accès couvre alors toutes les personnes de cette prison.
btg-request-confirm = Ouvrir un accès d'urgence ? Votre motif et tout ce que vous consultez sont enregistrés et contrôlés.
btg-opened = L'accès d'urgence est ouvert. Il prend fin automatiquement et sera contrôlé.
btg-mine-title = Vos accès d'urgence en cours
btg-mine-empty = Vous n'avez aucun accès d'urgence en cours.
btg-any-person = Toutes les personnes de cette prison
btg-opened-at-utc = Ouvert le (UTC)
btg-ends-at-utc = Fin (UTC)
btg-revoked = Retiré
btg-review-title = Accès d'urgence à contrôler
btg-review-filter = Filtrer les accès d'urgence
btg-show = Afficher
btg-show-all = Tous les accès d'urgence
btg-review-note = Remarque de contrôle
btg-review-saved = Le contrôle a été enregistré.
btg-already-reviewed = Cet accès d'urgence a déjà été contrôlé.
btg-nothing-pending = Aucun accès d'urgence n'attend de contrôle.
btg-none = Aucun accès d'urgence n'a encore été utilisé.
btg-not-for-you = Vos rôles ne donnent pas droit à l'accès d'urgence ni à son contrôle.

## Mon compte

account-title = Mon compte
account-back = Retour à mon compte
account-profile = Profil
account-profile-help = Pour faire modifier votre nom, votre adresse e-mail ou vos rôles, adressez-vous à votre administrateur. Vous pouvez changer la langue en haut de la page.
account-password-hint = Au moins 12 caractères. Une longue phrase facile à retenir est un bon choix. Évitez les mots de passe courants et votre nom d'utilisateur.
account-current-password-wrong = Le mot de passe actuel est incorrect.
account-totp-off = La vérification en deux étapes n'est pas configurée.
account-totp-set-up = Configurer la vérification en deux étapes
account-totp-setup-help = Ajoutez votre compte à une application d'authentification : encodez la clé secrète ci-dessous, ou utilisez le lien si votre application l'accepte. Pour confirmer, encodez ensuite le code à 6 chiffres affiché par l'application.
account-totp-uri = Lien pour les applications d'authentification
account-tokens = Jetons d'API
account-tokens-help = Un jeton d'API permet à un programme d'utiliser l'API de Continuum en votre nom, avec vos droits. Gardez-le aussi secret qu'un mot de passe.
account-tokens-empty = Vous n'avez aucun jeton d'API.
account-token-new = Nouveau jeton d'API
account-token-label = Libellé
account-token-days = Validité (jours)
account-token-days-hint = Laissez vide pour la validité par défaut.
account-token-create = Créer le jeton
account-token-created = Le jeton d'API a été créé.
account-token-once = Copiez ce jeton maintenant : il n'est affiché qu'une seule fois et ne pourra plus être récupéré.
account-token-ends = Le jeton expire le { $time } (UTC).
account-token-ends-utc = Expire le (UTC)
account-token-expired = Expiré
account-token-revoked-state = Révoqué
account-token-revoke = Révoquer
account-token-revoke-named = Révoquer le jeton { $name }
account-token-revoke-confirm = Révoquer ce jeton ? Les programmes qui l'utilisent perdent immédiatement leur accès.
account-token-revoked = Le jeton a été révoqué.

## Entry register
nav-people = Registre
choose = Choisir…
date-hint = Jour/mois/année, par ex. 23/11/2026
nav-worklist = Liste de travail
worklist-title = Liste de travail
worklist-awaiting-screening = Entrés, pas encore dépistés
worklist-awaiting-hint = Les personnes qui attendent depuis le plus longtemps d’abord. Le dépistage est attendu dans les { $days } jours suivant l’entrée, ou le signalement qui a rouvert le trajet.
worklist-awaiting-empty = Toutes les personnes entrées ici ont été dépistées.
worklist-days-waiting = Jours d’attente
worklist-overdue = en retard
worklist-filter-label = Filtrer les personnes en attente
worklist-overdue-only = Seulement celles au-delà des { $days } jours
worklist-filter = Filtrer
worklist-overdue-empty = Personne ici n’attend depuis plus longtemps que le délai de dépistage.
worklist-positive-without-intake = Dépistage positif, pas encore d’entretien d’accueil
worklist-positive-hint = Un entretien d’accueil a été proposé après un dépistage positif ou à la demande de la personne. Les plus longues attentes d’abord.
worklist-positive-empty = Chaque dépistage positif ici a mené à un entretien d’accueil.
worklist-positive-since = En attente depuis
worklist-screened-this-week = Dépistés ces 7 derniers jours
worklist-screened-empty = Personne n’a été dépisté ici ces 7 derniers jours.
worklist-screened-at = Terminé le
screening-title = Dépistage (entretien)
screening-interview-hint = Lisez chaque question sur le formulaire validé ; ceci sont les libellés courts de Continuum.
screening-progress = Répondu
screening-next = Enregistrer et continuer
screening-previous = Question précédente
screening-other-name = Quelle substance
screening-all-answered = Toutes les questions ont une réponse. Terminez le dépistage pour voir le résultat.
screening-complete = Terminer le dépistage
screening-see-result = Voir le résultat
screening-back-to-person = Retour à la personne
screening-choose-an-answer = Choisissez une des réponses.
screening-result-title = Résultat du dépistage
screening-positive = Dépistage positif.
screening-positive-next = Un entretien d’accueil est proposé.
screening-negative = Dépistage négatif.
screening-negative-next = Le trajet est clôturé sauf si la personne demande des soins.
screening-instrument = Instrument
screening-mode = Mode
screening-mode-interview = Entretien
screening-mode-self = Auto-administré
screening-language = Langue
screening-completed-at = Terminé (UTC)
screening-scores = Scores
screening-substance = Substance
screening-score = Score
screening-risk = Risque
screening-action = Ce qui est indiqué
screening-start = Dépister maintenant (entretien)
screening-section = Dépistage
screening-none = Pas encore de dépistage.
screening-in-progress = En cours
screening-refused = refusé par la personne
screening-refuse = La personne refuse le dépistage
screening-refuse-why = Raison donnée (facultatif)
screening-refuse-hint = Pas de détails cliniques. La personne reste sur la liste de travail et le dépistage pourra lui être proposé à nouveau.
screening-refuse-confirm = Enregistrer le refus
screening-action-general-information = Risque faible : donner des informations générales.
screening-action-brief-intervention = Risque modéré : proposer une intervention brève.
screening-action-further-assessment = Risque élevé : orienter vers une évaluation approfondie et un traitement plus intensif.
screening-action-injecting = Injection au cours des 3 derniers mois : informer sur les risques et orienter.
screening-action-alcohol-education = AUDIT zone I : information sur l’alcool.
screening-action-simple-advice = AUDIT zone II : conseil simple.
screening-action-brief-counselling = AUDIT zone III : conseil simple, counseling bref et suivi.
screening-action-specialist-referral = AUDIT zone IV : orientation vers un spécialiste pour évaluation diagnostique et traitement.
people-title = Registre des entrées
people-new = Enregistrer une entrée
people-new-title = Enregistrer une entrée
people-edit-title = Modifier l’identité
people-register = Enregistrer
people-back = Retour au registre
people-search-label = Rechercher dans le registre
people-search = Nom, numéro d’écrou ou date de naissance
people-search-hint = Les accents, les majuscules et l’ordre des noms n’ont pas d’importance.
people-none-found = Personne ne correspond à cette recherche.
people-empty = Personne n’est encore enregistré dans cet établissement.
people-episodes = Périodes de détention
people-identity = Identité
people-entry = Entrée
people-duplicates-title = Peut-être déjà enregistré
people-possible-duplicates = Des personnes ayant la même date de naissance et un nom en commun sont déjà enregistrées. Vérifiez la liste ci-dessous ; s’il s’agit de quelqu’un d’autre, cochez la case et enregistrez à nouveau.
people-not-a-duplicate = Il s’agit d’une autre personne : enregistrer quand même
person-family-name = Nom de famille
person-given-names = Prénoms
person-birth-date = Date de naissance
person-sex = Sexe
person-nationality = Nationalité
person-nationality-hint = Code pays à deux lettres, par ex. BE, MA, RO
person-languages = Langues parlées
person-languages-hint = Codes de langue à deux lettres séparés par des virgules, par ex. fr, nl, ar
person-preferred-language = Langue préférée
person-preferred-language-hint = La langue dans laquelle s’adresser à la personne, par ex. fr
person-site = Établissement
person-prison-number = Numéro d’écrou
person-entry-date = Date d’entrée
person-legal-status = Statut juridique
person-expected-release = Libération prévue
person-release-date = Date de libération
sex-female = Femme
sex-male = Homme
sex-other = Autre
sex-unknown = Inconnu
legal-status-remand = Prévenu
legal-status-sentenced = Condamné
legal-status-interned = Interné
legal-status-other = Autre

## Trajet de soins

pathway-state-signalled = Signalé
pathway-state-screening_offered = Dépistage proposé
pathway-state-intake_proposed = Accueil proposé
pathway-state-intake = Accueil réalisé
pathway-state-in_care = En soins
pathway-state-release_planning = Préparation de la libération
pathway-state-released_in_follow_up = Libéré, en suivi
pathway-state-declined = Refusé par la personne
pathway-state-closed = Clôturé
pathway-closing-completed = Terminé
pathway-closing-declined = Refusé par la personne
pathway-closing-lost_to_follow_up = Perdu de vue pendant le suivi
pathway-closing-transferred_out_of_programme = Transféré hors du programme
pathway-closing-released_without_follow_up = Libéré sans suivi
pathway-closing-deceased = Décédé
pathway-source-entry = Entrée en prison
pathway-source-prison_staff = Personnel pénitentiaire
pathway-source-medical_service = Service médical
pathway-source-person = La personne elle-même
pathway-source-care_worker = Intervenant
pathway-command-signal = Signaler
pathway-command-offer_screening = Proposer le dépistage
pathway-command-refuse_screening = Dépistage refusé
pathway-command-record_screening = Enregistrer le dépistage
pathway-command-propose_intake = Proposer un accueil
pathway-command-record_intake = Enregistrer l'accueil
pathway-command-start_care = Commencer les soins
pathway-command-plan_release = Préparer la libération
pathway-command-release = Enregistrer la libération
pathway-command-complete_follow_up = Terminer le suivi
pathway-command-decline = La personne refuse
pathway-command-come_back = La personne revient
pathway-command-transfer = Enregistrer le transfert
pathway-command-close = Clôturer le trajet de soins
pathway-command-reopen = Rouvrir le trajet de soins
pathway-refused-closed = Ce trajet de soins est clôturé. Il peut seulement être rouvert.
pathway-refused-not-closed = Ce trajet de soins est encore ouvert : il ne peut pas être rouvert.
pathway-refused-already-signalled = Cette personne a déjà un trajet de soins ouvert. Poursuivez celui-ci.
pathway-refused-screening-not-offered = Proposez d'abord le dépistage.
pathway-refused-intake-not-proposed = Proposez d'abord un accueil, après un dépistage positif ou à la demande de la personne.
pathway-refused-intake-not-done = Enregistrez d'abord l'accueil.
pathway-refused-follow-up-needs-care = Le suivi après la libération n'est possible qu'une fois l'accueil réalisé. Enregistrez la libération sans suivi.
pathway-refused-already-released = La personne a déjà été libérée.
pathway-refused-not-in-follow-up = Ceci n'est possible que pendant le suivi après la libération.
pathway-refused-not-completable = Un trajet de soins ne peut être terminé que pendant les soins ou à la fin du suivi après la libération.
pathway-refused-already-declined = La personne a déjà refusé.
pathway-refused-declined = La personne a refusé. Enregistrez d'abord son retour.
pathway-refused-not-declined = Ceci n'est possible qu'après un refus de la personne.
pathway-refused-same-site = Le trajet de soins se trouve déjà dans cette prison.
pathway-refused-reason-follows-from-step = Ce motif de clôture découle d'une étape : enregistrez plutôt le transfert ou la libération.
pathway-refused-reason-required = Indiquez un motif.
pathway-refused-before-last-step = La date et l'heure précèdent la dernière étape du trajet de soins.
pathway-refused-not-allowed = « { $command } » n'est pas possible tant que le trajet de soins en est à l'étape « { $state } ».

## Content packs and the self-administration kiosk

nav-content-packs = Contenus validés
packs-title = Contenus validés des questionnaires
packs-intro = Le libellé validé des instruments de dépistage, par version d’instrument et par langue, avec sa source, le titulaire des droits et la date de l’autorisation. Il est conservé dans la base de données, jamais dans le logiciel. L’entretien utilise les libellés de Continuum ; l’auto-administration sur tablette exige un contenu dans la langue de la personne.
packs-load = Charger un contenu
packs-file = Fichier de contenu (TOML)
packs-file-hint = Le contenu doit formuler chaque item et chaque réponse de sa version d’instrument. Un contenu pour une version et une langue qui en ont déjà un le remplace ; l’ancien reste enregistré.
packs-load-button = Charger le contenu
packs-loaded = Contenus chargés
packs-none = Aucun contenu n’est encore chargé.
packs-id = N°
packs-active = Actif
packs-replaced = Remplacé le { $time }
packs-source = Source
packs-rights-holder = Titulaire des droits
packs-permission-date = Autorisation du
packs-loaded-by = Chargé par (UTC)
packs-loaded-notice = Le contenu { $id } est chargé et actif.
packs-refused = Le contenu n’a pas été chargé
packs-choose-file = Choisissez un fichier de contenu.
packs-not-text = Le fichier n’est pas du texte UTF-8.
pack-error-unreadable = Le fichier n’est pas un contenu valide : { $detail }
pack-error-unknown-instrument = Instrument { $instrument } { $version } : cette version d’instrument n’existe pas.
pack-error-language = Langue « { $language } » : seuls nl, fr et en sont possibles.
pack-error-missing = { $field } : manquant.
pack-error-too-long = { $field } : plus de { $max } caractères.
pack-error-permission-date = permission_date « { $value } » : pas une date (AAAA-MM-JJ) jusqu’à aujourd’hui.
pack-error-item-missing = Item { $item } : le libellé manque.
pack-error-unknown-item = Item { $item } : ce n’est pas un item de cette version d’instrument.
pack-error-option-missing = Réponse { $option } : le libellé manque.
pack-error-unknown-option = Réponse { $option } : ce n’est pas une réponse de cette version d’instrument.
pack-error-wording-too-long = { $item } : le libellé dépasse { $max } caractères.
kiosk-start = Auto-administré sur tablette
kiosk-needs-pack = L’auto-administration sur tablette exige un contenu validé dans la langue préférée de la personne, et aucun n’est chargé. Utilisez l’entretien.
kiosk-code-title = Code d’appairage de la tablette
kiosk-code-instructions = Sur la tablette, ouvrez la page /kiosk et tapez ce code. La tablette présente alors les questions à la personne, une à la fois, dans sa langue.
kiosk-code-valid-until = Le code s’utilise une seule fois, jusqu’à { $time } (UTC).
kiosk-result-here = Le résultat n’est jamais affiché sur la tablette : vous le voyez ici dès que la personne a envoyé ses réponses.
kiosk-follow = Suivre le dépistage
kiosk-unavailable-title = Auto-administration impossible
kiosk-no-content-pack = Aucun contenu validé du dépistage n’est chargé dans la langue préférée de la personne ({ $language }). L’auto-administration est impossible : utilisez l’entretien.
kiosk-interview-underway = Un entretien de dépistage de cette personne est en cours et contient déjà des réponses. Poursuivez-le en entretien.
kiosk-continue-interview = Poursuivre l’entretien
kiosk-screening-title = Dépistage (auto-administré sur tablette)
kiosk-screening-hint = La personne répond sur la tablette ; chaque réponse est enregistrée dès qu’elle est donnée.
kiosk-state-none = Aucune tablette n’est appairée. Donnez un nouveau code d’appairage pour poursuivre sur une tablette.
kiosk-state-paired = Une tablette est appairée ; dernière activité à { $time } (UTC).
kiosk-state-waiting = Un code d’appairage attend la tablette jusqu’à { $time } (UTC).
kiosk-new-code = Nouveau code d’appairage
kiosk-answering = La personne répond sur la tablette.
kiosk-content-pack = Contenu validé
kiosk-pack-number = Contenu
kiosk-pack-none = Aucun (entretien avec les libellés de Continuum)
kiosk-demo-banner = Démonstration : les questions sont les libellés de Continuum, pas le libellé validé.
kiosk-locked-title = Cette tablette est verrouillée
kiosk-thank-you = Merci. Vos réponses sont enregistrées. Veuillez rendre la tablette.
kiosk-code-label = Code d’appairage
kiosk-code-hint = Les huit chiffres que l’intervenant vous donne.
kiosk-pair = Commencer
kiosk-staff-sign-in = Connexion du personnel
kiosk-code-invalid = Ce code n’est pas valable, a déjà été utilisé ou a expiré. Demandez un nouveau code à l’intervenant.
kiosk-question-title = Questionnaire
kiosk-progress = Progression
kiosk-progress-count = Questions répondues : { $answered } sur { $total }
kiosk-other-name = Quelle substance ?
kiosk-next = Suivant
kiosk-back = Retour
kiosk-all-answered-title = Vous avez répondu à toutes les questions
kiosk-all-answered = Vous pouvez revenir en arrière pour modifier une réponse, ou envoyer vos réponses maintenant.
kiosk-finish = Envoyer mes réponses
kiosk-name-required = Écrivez de quelle substance il s’agit.
## Screenings through the API and FHIR (issue 4, item 7)
screening-answer-not-an-option = « { $option } » n'est pas une des réponses à la question { $item }.
screening-answer-unknown-item = { $item } n'est pas une question de cet instrument.
screening-already-completed = Ce dépistage est déjà terminé : ses réponses ne peuvent plus changer.
screening-not-yet-complete = Ce dépistage n'est pas terminé : répondez d'abord à toutes les questions posées.
fhir-subject-required = Indiquez la personne : subject=Patient/ID.
fhir-subject-invalid = Le sujet doit être une personne, écrite Patient/ID.
## Détentions et signalements (ticket 4, points 1 et 3)

validation-before-entry = Cette date précède la date d'entrée.
validation-same-site = La personne se trouve déjà dans cette prison.
validation-episode-ended = Cette période de détention est déjà terminée.
validation-not-at-site = Personne n'est inscrit sous ce numéro dans cette prison.
release-kind-end_of_sentence = Fin de peine
release-kind-conditional_release = Libération conditionnelle
release-kind-electronic_monitoring = Surveillance électronique
release-kind-provisional_release = Libération provisoire
release-kind-released_by_court = Mise en liberté par décision judiciaire
release-kind-removal = Éloignement du territoire
release-kind-transfer = Transfert vers une autre prison du programme
release-kind-transfer_out = Transfert vers une prison hors programme
release-kind-deceased = Décès en détention
release-kind-other = Autre
episode-change-created = Entrée
episode-change-updated = Modification
episode-change-released = Libération
episode-change-transferred = Transfert
episode-change = Changement
episode-history = Modifications des périodes de détention
episode-current = Période de détention en cours
episode-edit-title = Modifier la période de détention
episode-release-title = Enregistrer une libération
episode-transfer-title = Transfert vers une autre prison
episode-release = Enregistrer la libération
episode-transfer = Transférer
episode-release-kind = Type de libération
episode-release-help = La période de détention se termine ce jour-là. Si la personne n'a jamais eu d'accueil, son trajet de soins est clôturé ; après un accueil, l'équipe de soins décide du suivi.
episode-release-confirm = Enregistrer cette libération ? La période de détention sera clôturée.
episode-transfer-to = Prison d'accueil
episode-transfer-date = Date du transfert
episode-new-prison-number = Nouveau numéro d'écrou
episode-new-prison-number-hint = Laissez vide si la personne garde son numéro actuel.
episode-transfer-help = La période de détention ici se termine le jour du transfert et une nouvelle commence dans la prison d'accueil. Son équipe reprend la personne, avec son trajet de soins ; votre équipe ne la voit plus.
episode-transfer-confirm = Transférer cette personne ? Votre équipe ne la verra plus.
episode-transferred-from = transféré depuis { $site }
episode-transferred-to = transféré vers { $site }
episode-transferred-notice = Le transfert est enregistré. La personne figure désormais au registre de { $site }.
nav-signals = Signalements
signals-title = Signalements
signals-signal-person = Signaler un besoin d'aide
signals-none-for-person = Personne n'a signalé cette personne.
signals-signalled-at = Signalé le
signals-source = Par
signals-reason = Motif
signals-signalled-by = Signalé par
signals-received = Reçu
signals-not-received = Pas encore
signals-mine-title = Mes signalements
signals-mine-help = Ce que vous avez signalé et si l'équipe de soins l'a reçu.
signals-mine-empty = Vous n'avez encore signalé personne.
signals-new-title = Signaler une personne qui pourrait avoir besoin d'aide
signals-sent = Votre signalement a été transmis à l'équipe de soins.
signals-as-typed = Numéro d'écrou et nom
signals-on-behalf-short = à la demande de la personne
signals-back = Retour à mes signalements
signals-form-help = L'équipe de soins de la prison s'en occupera. Décrivez ce que vous avez vu ou ce que la personne a demandé, sans détails médicaux.
signals-person = Personne
signals-name = Nom
signals-name-hint = Tel que vous le connaissez ; cela aide l'équipe de soins à trouver la bonne personne.
signals-reason-hint = Bref, et sans détails médicaux.
signals-on-behalf = La personne a elle-même demandé de l'aide
signals-send = Envoyer le signalement
signals-incoming-title = Signalements entrants
signals-incoming-help = Reliez chaque signalement à la personne concernée et marquez-le comme reçu pour que l'auteur le sache.
signals-back-to-worklist = Retour à la liste de travail
signals-show-pending = Seulement ceux non reçus
signals-show-all = Tous les signalements
signals-none = Aucun signalement pour l'instant.
signals-none-pending = Tous les signalements ont été reçus.
signals-link-to = Relier à { $name }
signals-no-match = Aucune correspondance pour ce numéro.
signals-link = Relier
signals-acknowledge = Marquer comme reçu
worklist-signals = Signalements pas encore reçus
worklist-signals-count = Pas encore reçus : { $count }
worklist-signals-all = Tous les signalements entrants
## Fusion de dossiers en double et import de listes d'entrées par une page

nav-merges = Fusions
merge-title = Fusionner un dossier en double
merge-back = Retour à la personne
merge-record-number = Numéro de dossier
merge-number-label = Fusion
merge-number = Fusion { $merge }
merge-duplicate-number = Numéro de dossier du doublon
merge-duplicate-hint = Les données du doublon passent dans ce dossier, qui reste. Le numéro de dossier figure sur la page de chaque personne.
merge-duplicate-invalid = Indiquez le numéro de dossier du doublon (chiffres uniquement).
merge-compare = Comparer les deux dossiers
merge-explain = Vérifiez que les deux dossiers concernent la même personne. Le dossier de gauche reste : il garde son identité, sa période de détention en cours et son trajet de soins en cours. Les périodes, trajets et dépistages du dossier de droite y sont déplacés ; rien n'est effacé, et un administrateur peut annuler la fusion.
merge-survivor = Reste
merge-duplicate = Fusionné dans celui-ci
merge-pathways = Trajets de soins
merge-pathway-current = (en cours)
merge-screenings = Dépistages
merge-versions = Versions de l'identité
merge-confirm = Fusionner le dossier de droite dans celui de gauche
merge-swap = Garder plutôt le dossier de droite
merge-warning-pathway = Le dossier fusionné a un trajet de soins ouvert (« { $state } »). Après la fusion, il est conservé mais n'est plus le trajet en cours : c'est celui du dossier qui reste. Pour le garder en cours, gardez plutôt le dossier de droite.
merge-warning-prison-number = Les deux dossiers ont le numéro d'écrou { $number } à { $site }. Après la fusion, les deux périodes appartiennent au dossier qui reste.
merge-warning-birth-date = Les dates de naissance diffèrent. Celle du dossier qui reste est gardée ; corrigez-la ensuite si nécessaire.
merge-done = Le dossier { $merged } a été fusionné dans ce dossier.
merge-merged-into = Ce dossier a été fusionné dans le dossier { $survivor } le { $at } par { $by } (fusion { $merge }). Il n'est plus listé ni modifié.
merge-open-survivor = Ouvrir le dossier dans lequel il a été fusionné
merge-absorbed-title = Dossiers fusionnés dans celui-ci
merge-same-record = Un dossier ne peut pas être fusionné avec lui-même.
merge-already-merged = L'un des deux dossiers a déjà été fusionné dans un autre dossier.
merge-already-undone = Cette fusion a déjà été annulée.
merge-undo-later-first = Une fusion ultérieure a déplacé le dossier qui reste dans un autre dossier : annulez d'abord cette fusion-là.
merges-title = Fusions de dossiers en double
merges-explain = Toutes les fusions de deux dossiers d'une même personne. Annuler une fusion rend à chaque dossier exactement ce qui était à lui. Seuls les numéros de dossier sont affichés ici, jamais les noms.
merges-empty = Aucun dossier n'a été fusionné.
merges-back = Retour aux fusions
merge-merged-at = Fusionné le (UTC)
merge-state = État
merge-state-active = En vigueur
merge-state-undone = Annulée
merge-moved-label = Déplacé
merge-moved = { $episodes } périodes, { $pathways } trajets, { $screenings } dépistages
merge-undo-title = Annuler cette fusion
merge-undo-explain = Les périodes, trajets et dépistages que cette fusion a déplacés retournent au dossier fusionné, qui est de nouveau listé. Ce qui a été ajouté au dossier qui reste depuis la fusion y reste.
merge-undo = Annuler la fusion
merge-undone = La fusion a été annulée.
import-title = Importer une liste d'entrées
import-explain = Chargez la liste d'entrées de la prison (CSV, UTF-8, une ligne d'en-tête ; les colonnes sont family_name, given_names, birth_date, sex, nationality, languages, preferred_language, prison_number, entry_date, legal_status, expected_release). Le fichier est d'abord vérifié : rien n'est écrit avant votre confirmation, et les entrées déjà enregistrées restent telles quelles.
import-file = Fichier CSV
import-file-hint = { $mb } Mo au plus.
import-file-required = Choisissez le fichier à importer.
import-too-large = Le fichier dépasse { $mb } Mo. Divisez-le en fichiers plus petits et importez-les un par un.
import-unreadable = Le fichier n'a pas pu être lu comme une liste d'entrées CSV.
import-missing-columns = Une colonne obligatoire manque : family_name, birth_date, prison_number, entry_date et legal_status sont obligatoires.
import-line-unreadable = La ligne n'a pas pu être lue (un guillemet non fermé ?).
import-duplicate-number = déjà attribué dans cette prison à une personne d'une autre date de naissance, ou donné deux fois dans le fichier
import-check = Vérifier le fichier
import-check-title = Vérification de la liste d'entrées
import-result-title = Liste d'entrées importée
import-again = Charger un autre fichier
import-digest = Empreinte du fichier (SHA-256)
import-counts = { $lines } lignes lues : { $new } nouvelles, { $known } déjà enregistrées, { $refused } refusées.
import-refused = Rien ne peut être importé : corrigez les lignes ci-dessous et chargez à nouveau le fichier.
import-refused-lines = Lignes refusées
import-line = Ligne
import-reason = Motif
import-nothing-new = Toutes les entrées de ce fichier sont déjà enregistrées : il n'y a rien à importer.
import-confirm-title = Importer les nouvelles entrées
import-confirm-explain = C'est exactement le fichier vérifié ci-dessus qui est importé, en une fois.
import-confirm = Importer les nouvelles entrées
import-done = Les nouvelles entrées ont été enregistrées.
import-see-register = Voir le registre, entrées les plus récentes d'abord
import-changed-since-check = Rien n'a été importé : le registre a changé depuis la vérification. Chargez à nouveau le fichier.
import-expired = Cet import n'attend plus de confirmation (il a déjà été confirmé, ou plus de 30 minutes sont passées). Chargez à nouveau le fichier.

## Care pathway: intake, care plan, contacts, timeline (issue 5, items 1 to 3)

validation-out-of-range = Indiquez un nombre de { $min } à { $max }.
validation-too-many = Choisissez-en au plus { $max }.
validation-dose-unusual = Cette dose est inhabituelle. Vérifiez-la, puis cochez « La dose est vérifiée » pour l’enregistrer.
validation-repeats-primary = Le produit principal ne peut pas être aussi un produit secondaire.
validation-review-before-plan = La date de révision ne peut pas précéder la date du plan.
care-no-open-pathway = Cette personne n’a pas de trajet de soins ouvert. Rouvrez-le d’abord (à partir d’un signalement), puis enregistrez à nouveau.
care-plan-changed = Quelqu’un d’autre a enregistré ce plan de soins entre-temps. Vos modifications n’ont pas été enregistrées : lisez sa modification ci-dessous, puis enregistrez à nouveau.
care-plan-exists = Ce trajet de soins a déjà un plan de soins : modifiez celui-ci.
care-answer-yes = Oui
care-answer-no = Non
care-answer-unknown = Inconnu
care-recency-never = Jamais
care-recency-more_than_12_months = Il y a plus de 12 mois
care-recency-last_12_months = Au cours des 12 derniers mois (pas des 30 derniers jours)
care-recency-last_30_days = Au cours des 30 derniers jours
care-recency-unknown = Inconnu
care-not-recorded = Non enregistré
care-back-to-person = Retour à la personne
care-nav-label = Soins de cette personne
care-tab-intake = Accueil
care-tab-plan = Plan de soins
care-tab-contacts = Contacts
care-tab-timeline = Chronologie
care-section = Soins
care-section-help = Entretien d’accueil et évaluation, plan de soins, contacts et tout le trajet dans l’ordre.
intake-title = Entretien d’accueil et évaluation
intake-record-help = Enregistrez l’entretien d’accueil : les items de l’indicateur de demande de traitement (TDI) se choisissent dans des listes, pour ne jamais devoir les saisir à nouveau. Le sexe, l’âge et la nationalité viennent du registre. L’enregistrement fait passer le trajet de soins à « Accueil ».
intake-amend-help = Corrigez l’entretien d’accueil. La version corrigée est enregistrée comme nouvelle version ; la précédente est conservée.
intake-save = Enregistrer l’accueil
intake-save-amendment = Enregistrer la correction
intake-amend = Corriger l’accueil
intake-saved = L’entretien d’accueil a été enregistré.
intake-none = Aucun entretien d’accueil n’a encore été enregistré pour cette personne.
intake-superseded = Ceci est une version antérieure de l’accueil : une correction ultérieure la remplace.
intake-versions = Versions de l’accueil
intake-version-shown = Affichée
intake-version-amendment = Correction
intake-version-first = Premier enregistrement
intake-section-treatment = Traitement
intake-section-register = Selon le registre
intake-register-hint = Repris du registre : corrigez-les sur la page de la personne si nécessaire.
intake-section-use = Consommation
intake-section-situation = Situation de santé et sociale
intake-section-oat = Traitement par agonistes opioïdes à l’extérieur
intake-section-goals = Objectifs et langue
intake-section-language = Langue
intake-section-notes = Selon la personne
intake-date = Date de l’accueil
intake-age = Âge
intake-referral-source = Orienté par
intake-previous-treatment = Déjà traité pour usage de drogues
intake-ever-oat = A déjà suivi un traitement de substitution
intake-primary-substance = Produit principal
intake-secondary-substances = Produits secondaires
intake-secondary-hint = Au plus 4, alcool compris.
intake-route = Mode de consommation habituel (produit principal)
intake-frequency = Fréquence (produit principal)
intake-frequency-hint = Au cours des 30 jours avant la détention.
intake-first-use-age = Âge à la première consommation (produit principal)
intake-injecting = Injection
intake-first-injection-age = Âge à la première injection
intake-injection-hint = Seulement pour une personne qui s’est injecté.
intake-needle-sharing = A partagé aiguilles ou seringues
intake-living-with = Vivait avec (avant la détention)
intake-lives-with-children = Vivait avec des enfants
intake-accommodation = Logement (avant la détention)
intake-labour-status = Situation professionnelle
intake-education = Plus haut niveau d’études achevé
intake-health-insurance = Assurance maladie en ordre
intake-hiv-test = Dernier test VIH
intake-hcv-test = Dernier test hépatite C
intake-health = Situation de santé
intake-social = Situation sociale
intake-oat-outside = Sous traitement par agonistes opioïdes à l’extérieur
intake-oat-hint = Si oui : le médicament, la dose, le prescripteur et la dernière prise sont requis.
intake-oat-medicine = Médicament
intake-oat-dose = Dose journalière (mg)
intake-oat-dose-hint = Par exemple 60 ou 0,4.
intake-dose-confirm = La dose est vérifiée
intake-oat-prescriber = Prescripteur
intake-oat-last-dose-on = Jour de la dernière prise
intake-oat-last-dose-at = Heure de la dernière prise
intake-oat-last-dose = Dernière prise
intake-time-hint = Heures et minutes, p. ex. 08:30.
intake-goals = Objectifs de la personne
intake-goals-hint = Avec les mots de la personne.
intake-language = Langue des soins
intake-interpreter = Un interprète est nécessaire
intake-interpreter-needed = interprète nécessaire
intake-referral-self = La personne elle-même
intake-referral-family_friends = Famille ou amis
intake-referral-drug_service = Un autre service d’aide aux toxicomanes
intake-referral-general_practitioner = Médecin généraliste
intake-referral-hospital_medical = Hôpital ou service médical (celui de la prison compris)
intake-referral-social_services = Services sociaux (service psychosocial compris)
intake-referral-justice = Tribunal, probation, police ou personnel pénitentiaire
intake-referral-education = Services d’enseignement
intake-referral-other = Autre
intake-referral-unknown = Inconnu
intake-previous-never = Jamais traité
intake-previous-previously = Déjà traité
intake-previous-unknown = Inconnu
substance-heroin = Héroïne
substance-methadone_misused = Méthadone (détournée)
substance-buprenorphine_misused = Buprénorphine (détournée)
substance-fentanyl_misused = Fentanyl (détourné)
substance-other_opioids = Autres opioïdes
substance-cocaine = Cocaïne (poudre)
substance-crack = Crack
substance-amphetamines = Amphétamines
substance-methamphetamine = Méthamphétamine
substance-mdma = MDMA et dérivés
substance-synthetic_cathinones = Cathinones de synthèse
substance-other_stimulants = Autres stimulants
substance-benzodiazepines = Benzodiazépines
substance-barbiturates = Barbituriques
substance-ghb = GHB ou GBL
substance-other_sedatives = Autres hypnotiques et sédatifs
substance-lsd = LSD
substance-ketamine = Kétamine
substance-other_hallucinogens = Autres hallucinogènes
substance-volatile_inhalants = Solvants volatils
substance-cannabis = Cannabis
substance-synthetic_cannabinoids = Cannabinoïdes de synthèse
substance-alcohol = Alcool
substance-other = Autre produit
intake-route-inject = Injecté
intake-route-smoke_inhale = Fumé ou inhalé
intake-route-eat_drink = Mangé ou bu
intake-route-sniff = Sniffé
intake-route-other = Autre
intake-route-unknown = Inconnu
intake-frequency-daily = Tous les jours
intake-frequency-days_4_6 = 4 à 6 jours par semaine
intake-frequency-days_2_3 = 2 ou 3 jours par semaine
intake-frequency-weekly_or_less = Une fois par semaine ou moins
intake-frequency-not_last_30_days = Pas consommé durant ces 30 jours
intake-frequency-unknown = Inconnu
intake-living-with-alone = Seul
intake-living-with-parents = Avec ses parents
intake-living-with-partner = Avec un partenaire
intake-living-with-partner_and_children = Avec un partenaire et des enfants
intake-living-with-alone_with_children = Seul avec des enfants
intake-living-with-friends_or_others = Avec des amis ou d’autres personnes
intake-living-with-other = Autre
intake-living-with-unknown = Inconnu
intake-accommodation-stable = Logement stable
intake-accommodation-unstable = Instable (sans abri, hébergement d’urgence)
intake-accommodation-institution = Une institution (prison, clinique)
intake-accommodation-unknown = Inconnu
intake-labour-employed = Emploi régulier
intake-labour-student = Élève ou étudiant
intake-labour-unemployed = Sans emploi
intake-labour-inactive = Inactif (pensionné, invalide, au foyer)
intake-labour-other = Autre
intake-labour-unknown = Inconnu
intake-education-none = Aucune scolarité achevée
intake-education-primary = Primaire
intake-education-lower_secondary = Secondaire inférieur
intake-education-upper_secondary = Secondaire supérieur
intake-education-higher = Enseignement supérieur
intake-education-unknown = Inconnu
oat-medicine-methadone = Méthadone
oat-medicine-buprenorphine = Buprénorphine
oat-medicine-buprenorphine_naloxone = Buprénorphine avec naloxone
oat-medicine-other = Autre agoniste opioïde
plan-goal-status-open = En cours
plan-goal-status-achieved = Atteint
plan-goal-status-abandoned = Abandonné
plan-intervention-kind-individual_counselling = Accompagnement individuel
plan-intervention-kind-group_work = Travail de groupe
plan-intervention-kind-oat = Traitement par agonistes opioïdes
plan-intervention-kind-harm_reduction = Réduction des risques
plan-intervention-kind-release_preparation = Préparation de la libération
plan-intervention-kind-referral = Orientation
plan-intervention-status-planned = Prévu
plan-intervention-status-in_progress = En cours
plan-intervention-status-done = Fait
plan-intervention-status-cancelled = Annulé
plan-change-created = Plan établi
plan-change-revised = Modifié
plan-change-reviewed = Révisé avec la personne
plan-item-plan = Plan
plan-item-goal = Objectif
plan-item-intervention = Intervention
plan-date = Date du plan
plan-review-date = Prochaine révision
plan-goal-description = Objectif
plan-goal-status = État
plan-goal-target-date = Date visée
plan-intervention-kind = Type
plan-intervention-description = Quoi
plan-intervention-responsible = Qui s’en charge
plan-intervention-starts-on = À partir du
plan-intervention-status = État
contact-kind-counselling = Accompagnement
contact-kind-assessment = Évaluation
contact-kind-group_work = Travail de groupe
contact-kind-oat = Traitement par agonistes opioïdes
contact-kind-harm_reduction = Réduction des risques
contact-kind-release_preparation = Préparation de la libération
contact-kind-referral = Orientation
contact-kind-crisis = Crise
contact-kind-other = Autre
contact-attendance-attended = Présent
contact-attendance-did_not_attend = Absent
plan-title = Plan de soins
plan-history-title = Versions du plan
plan-start-help = Les objectifs convenus avec la personne et les interventions qui y mènent. L’enregistrement du premier plan fait passer le trajet de soins à « En soins » ; l’accueil doit d’abord être enregistré.
plan-change-help = Chaque enregistrement est une nouvelle version du plan ; les versions précédentes sont conservées.
plan-dates = Dates
plan-review-hint = Pas avant la date du plan. La liste de travail montre la révision à partir de { $days } jours avant.
plan-reviewed = Cette version est une révision avec la personne
plan-reviewed-hint = Cochez quand le plan a été parcouru avec la personne.
plan-goals = Objectifs
plan-interventions = Interventions
plan-new-row = nouveau
plan-remove-goal = Retirer cet objectif du plan
plan-remove-intervention = Retirer cette intervention du plan
plan-add-goal = Ajouter un objectif
plan-add-intervention = Ajouter une intervention
plan-note = Note sur cette version
plan-note-hint = Ce qui a changé et pourquoi, en quelques mots.
plan-start = Enregistrer le plan
plan-save = Enregistrer la nouvelle version
plan-change = Modifier le plan
plan-saved = Le plan de soins a été enregistré.
plan-none = Cette personne n’a pas encore de plan de soins.
plan-earlier-version = Ceci est une version antérieure du plan.
plan-no-interventions = Aucune intervention n’est prévue.
plan-versions = Versions
plan-back = Retour au plan
plan-no-difference = Rien n’a changé, sauf la note ou la marque de révision.
plan-meanwhile-title = Enregistré entre-temps par quelqu’un d’autre
plan-meanwhile-help = Le formulaire ci-dessous contient toujours ce que vous avez saisi. Comparez-le à ces modifications, puis enregistrez à nouveau : votre enregistrement remplacera le plan tel qu’affiché ci-dessus.
plan-review-overdue = révision dépassée
plan-review-due = révision proche
plan-diff-added = { $kind } ajouté : « { $item } »
plan-diff-removed = { $kind } retiré : « { $item } »
plan-diff-changed = { $kind } « { $item } » : { $field } { $from } → { $to }
plan-diff-plan-changed = { $field } : { $from } → { $to }
worklist-reviews = Plans de soins à réviser
worklist-reviews-hint = Les plans dont la date de révision tombe dans les { $days } prochains jours ou est dépassée, les plus anciens d’abord.
worklist-reviews-empty = Aucun plan de soins n’est à réviser.
