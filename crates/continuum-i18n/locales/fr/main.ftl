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
## Governance (issue 7)

validation-out-of-range = Indiquez un nombre entier de { $min } à { $max }.
validation-meeting-in-past = Ce moment est passé : une réunion se planifie pour un moment à venir. Pour enregistrer une réunion qui a eu lieu, choisissez « Elle a eu lieu ».
validation-meeting-in-future = Cette réunion n'a pas encore commencé : elle sera enregistrée comme tenue une fois qu'elle aura eu lieu.
validation-meeting-not-held = Cette réunion n'a pas (encore) été tenue : seule une réunion tenue a des présences, un procès-verbal et des décisions, et un procès-verbal n'est approuvé qu'une fois sa réunion tenue.
validation-approval-not-later = Un procès-verbal est approuvé lors d'une réunion tenue plus tard par le même groupe.
validation-group-may-not-decide = Ce groupe ne peut pas décider des autorisations : c'est le groupe central qui en décide, lors d'une de ses réunions.
validation-meeting-before-submission = Cette réunion s'est tenue avant l'introduction de la demande.
validation-identifies-person = Ce texte identifie une personne (un numéro de registre national) : écrivez-le sans identifier personne.
validation-not-a-member = Choisissez un membre du groupe.
validation-office-taken = Un autre membre occupe cette fonction sur la même période : mettez d'abord fin à son mandat.
validation-site-not-for-kind = Le groupe central ne relève d'aucune prison ; un groupe local relève d'une prison.
validation-unknown-user = Aucun compte actif ne porte ce nom d'utilisateur.
validation-too-early = Cette date doit être plus tardive.

## OAT and transfers (issue 5, items 4 and 5)
validation-dose-impossible = Cette dose ne peut pas être juste : vérifiez le nombre et l'unité (milligrammes par jour).
validation-dose-unusual = Cette dose sort de l'intervalle habituel pour ce médicament ({ $min } à { $max } mg par jour). Vérifiez-la, puis cochez la case pour la confirmer.
oat-title = Traitement de substitution aux opiacés
oat-open = Ouvrir le dossier TSO
oat-sending-team-view = La personne a été transférée : vous ne voyez que ce que votre prison a enregistré, pendant un temps limité après le transfert.
oat-medicine = Médicament
oat-medicine-methadone = Méthadone
oat-medicine-buprenorphine = Buprénorphine
oat-medicine-buprenorphine_naloxone = Buprénorphine avec naloxone
oat-daily-dose = Dose journalière (mg)
oat-dose-hint = Milligrammes par jour, par exemple 80 ou 0,4.
oat-confirm-dose = J'ai vérifié cette dose et je la confirme.
oat-prescriber = Prescripteur
oat-prescriber-outside = Prescripteur à l'extérieur
oat-start-date = Début
oat-stop-date = Fin
oat-stop-reason = Motif de l'arrêt
oat-note = Note
oat-observed = Prise observée
oat-observed-label = Les doses sont prises sous observation
oat-recorded = Enregistré
oat-prescriptions-title = Prescriptions en prison
oat-prescriptions-none = Aucune prescription enregistrée.
oat-prescribe = Enregistrer une prescription
oat-stop = Arrêter la prescription
oat-stop-confirm = Arrêter cette prescription ?
oat-declared-title = TSO à l'extérieur, déclaré à l'entrée
oat-declared-hint = Une personne traitée à l'extérieur ne doit pas être interrompue : sans prescription en prison dans les 24 heures suivant l'entrée, le service médical reçoit une alerte urgente jusqu'à ce que la continuité soit enregistrée.
oat-declared-none = Aucun TSO à l'extérieur n'a été déclaré.
oat-declare = Enregistrer le TSO déclaré à l'entrée
oat-last-dose-date = Dernière dose prise à l'extérieur
oat-declared-at = Enregistré
oat-deadline = Prescription attendue avant (UTC)
oat-continuity-status-urgent = Urgent : pas de prescription dans les 24 heures
oat-continuity-status-due = Prescription attendue
oat-continuity-status-prescribed = Prescrit : continuité à enregistrer
oat-record-continuity = Enregistrer la continuité
oat-continued = Poursuivi sans interruption
oat-continued-yes = Oui, sans interruption
oat-continued-no = Non, interrompu
oat-interruption-reason = Pourquoi interrompu
oat-if-interrupted = si interrompu
oat-interruption-not_verified = Le traitement à l'extérieur n'a pas pu être confirmé à temps
oat-interruption-late_prescription = La prescription est arrivée trop tard
oat-interruption-person_declined = La personne a refusé
oat-interruption-clinical_decision = Décision clinique
oat-interruption-other = Autre (à préciser dans la note)
oat-already-declared = Un TSO à l'extérieur est déjà enregistré pour cette entrée.
oat-already-stopped = Cette prescription a déjà été arrêtée.
oat-continuity-recorded = La continuité de ce traitement a déjà été enregistrée.
handover-already-acknowledged = Ce transfert de suivi a déjà été accusé.
worklist-oat-alerts = Continuité du TSO à l'entrée
worklist-oat-alerts-hint = Personnes ayant déclaré un TSO à l'extérieur à l'entrée et dont la continuité reste à enregistrer ; urgent sans prescription en prison dans les 24 heures.
worklist-oat-alerts-empty = Aucune continuité de TSO à suivre.

# Release planning, follow-up after release, the responsible care worker and the caseload (issue 5, items 6 to 8)
release-item-outside_service = Service extérieur choisi
release-item-appointment = Premier rendez-vous (date et lieu)
release-item-oat_bridging = Prescription de relais du TSO
release-item-naloxone = Naloxone
release-item-housing = Logement
release-item-health_insurance = Assurance soins de santé (mutualité)
release-item-contact = Contact après la libération
release-oat-not_on_oat = Pas sous TSO
release-oat-prescribed = Prescription de relais faite
release-naloxone-no_opioid_use = Pas d'usage d'opioïdes : pas nécessaire
release-naloxone-handed_over = Remise
release-naloxone-declined = Proposée, refusée par la personne
release-housing-housed = Un logement où aller
release-housing-sheltered = Hébergement accompagné ou d'urgence organisé
release-housing-no_housing = Sans logement : orienté vers le CPAS
release-insurance-in_order = En ordre
release-insurance-requested = (Ré)affiliation demandée
release-insurance-not_covered = Pas de couverture possible : une autre solution est notée
release-channel-phone = Téléphone
release-channel-email = E-mail
release-channel-post = Courrier
release-channel-through_service = Uniquement par le service extérieur
follow-up-attendance-attended = S'est présenté(e)
follow-up-attendance-not_attended = Ne s'est pas présenté(e)
follow-up-attendance-unknown = Inconnu
follow-up-means-person_phone = La personne, par téléphone
follow-up-means-service_phone = Le service extérieur, par téléphone
follow-up-means-in_person = Rencontre avec la personne
follow-up-means-service_report = Rapport écrit du service extérieur
follow-up-means-other = Autre moyen
follow-up-refused-not-in-follow-up = Le trajet n'est pas en suivi après la libération.
follow-up-refused-outstanding = Enregistrez les deux contacts de suivi (à 7 et à 30 jours) avant de clôturer le suivi comme terminé.
follow-up-refused-not-a-choice = Ce motif découle d'un transfert ou d'une libération : choisissez-en un autre.
validation-before-release = Cette date précède la libération.
validation-not-clinical-at-site = Cet utilisateur n'est ni intervenant ni membre du service médical de la prison de la personne.
validation-unknown-organisation = Organisation inconnue ou inactive.
care-team-title = Trajet de soins
care-team-state = Étape
care-team-responsible = Intervenant responsable
care-team-nobody = Personne
care-team-change = Changer l'intervenant responsable
care-team-change-title = Intervenant responsable
care-team-hint = Un intervenant ou un membre du service médical de la prison de la personne.
care-team-history = Attributions
care-team-history-empty = Personne n'a encore été désigné responsable de ce trajet.
care-team-pathway-closed = Le trajet est clôturé : il garde l'intervenant qu'il avait.

## Consent and the psychosocial service's view (issue 6, items 1 and 5).
nav-participation = Participation
consents-title = Consentements
consents-back = Retour aux consentements
consents-access-title = Ce qui est partagé maintenant
consents-access-help = Pour chaque destinataire nommé dans un consentement de partage : ce qu'il peut lire aujourd'hui et, sinon, quel consentement manque. C'est vérifié à nouveau à chaque demande.
consents-access-none = Aucun consentement de partage n'a été enregistré : rien n'est partagé en dehors de l'équipe de soins.
consents-access-now = Maintenant
consents-history-title = Historique des consentements
consents-empty = Aucun consentement n'a été enregistré pour cette personne.
consent-new = Enregistrer un consentement
consent-new-title = Enregistrer un consentement
consent-title = Consentement
consent-kind = Type
consent-kind-screening = Dépistage
consent-kind-treatment = Traitement
consent-kind-sharing = Partage avec un destinataire nommé
consent-kind-research = Recherche sur données pseudonymisées
consent-kind-contact_after_release = Contact après la libération
consent-decision = Décision
consent-decision-granted = Accordé
consent-decision-refused = Refusé
consent-given-on = Donné le
consent-explanation-language = Langue de l'explication
consent-explanation-language-hint = Code à deux lettres de la langue dans laquelle le consentement a été expliqué, par exemple nl, fr, ar.
consent-valid-from = Valable à partir du
consent-valid-from-hint = Laissez vide pour commencer le jour où il a été donné.
consent-valid-until = Valable jusqu'au
consent-valid-until-hint = Le dernier jour où il compte. Obligatoire pour un consentement de partage accordé.
consent-no-end = sans fin
consent-period = Période
consent-standing = Maintenant
consent-standing-in_force = En vigueur
consent-standing-not_yet_valid = Pas encore valable
consent-standing-expired = Expiré
consent-standing-withdrawn = Retiré
consent-recorded = Enregistré
consent-note = Remarque
consent-sharing-legend = Partage
consent-sharing-help = Seulement pour un consentement de partage : qui peut lire, dans quel but, et quelles parties du dossier.
consent-for-sharing = pour un partage
consent-recipient = Destinataire
consent-recipient-psychosocial_service = Service psychosocial de la prison
consent-purpose = But
consent-purpose-continuity_of_care = Continuité des soins
consent-purpose-care_coordination = Coordination des soins
consent-purpose-persons_request = À la demande de la personne
consent-section = Partie
consent-sections = Parties partagées
consent-sections-hint = Le service psychosocial ne peut apprendre que si la personne participe et l'état des orientations.
consent-section-participation = Participation au programme
consent-section-referral_status = État des orientations
consent-section-identity = Identité et coordonnées
consent-section-screening = Résultats du dépistage
consent-section-care_plan = Plan de soins
consent-section-medication = Médication et TSO
consent-section-risks = Risques
consent-section-appointments = Rendez-vous
consent-record = Enregistrer le consentement
consent-done-recorded = Le consentement a été enregistré.
consent-done-withdrawn = Le consentement a été retiré. Il ne compte plus à partir de maintenant.
consent-done-form = Le formulaire signé a été conservé.
consent-withdraw = Retirer
consent-withdraw-title = Retirer le consentement
consent-withdraw-warning = Une fois retiré, le consentement ne compte plus dès la demande suivante : qui lisait sur cette base est refusé. C'est définitif ; enregistrez un nouveau consentement si la personne accepte à nouveau.
consent-withdrawal-reason = Raison donnée par la personne
consent-withdraw-confirm = Retirer le consentement
consent-withdrawn = Retiré
consent-already-withdrawn = Ce consentement a déjà été retiré.
consent-signed-form = Formulaire signé
consent-no-form = Aucun formulaire signé chargé.
consent-form-upload = Charger le formulaire signé
consent-form-hint = Un PDF scanné de { $mb } Mo au plus.
consent-form-send = Charger
consent-form-unreadable = Le chargement n'a pas pu être lu. Choisissez à nouveau le fichier PDF.
consent-allowed-by = oui, par le consentement { $consent }.
consent-missing-none = non : { $recipient } n'a pas de consentement pour « { $section } ».
consent-missing-section = non : le consentement pour { $recipient } (consentement { $consent }) ne couvre pas « { $section } ».
consent-missing-refused = non : la personne a refusé de partager « { $section } » avec { $recipient } (consentement { $consent }).
consent-missing-withdrawn = non : le consentement de partager « { $section } » avec { $recipient } a été retiré (consentement { $consent }).
consent-missing-expired = non : le consentement de partager « { $section } » avec { $recipient } a expiré (consentement { $consent }).
consent-missing-not-yet-valid = non : le consentement de partager « { $section } » avec { $recipient } n'est pas encore valable (consentement { $consent }).
participation-title = Participation au programme
participation-help = Les personnes de votre prison qui ont consenti à partager avec le service psychosocial si elles participent au programme. Rien d'autre de leur dossier n'est montré.
participation-empty = Personne n'a consenti à partager sa participation avec le service psychosocial.
participation-column = Participe
participation-takes_part = Participe
participation-does_not_take_part = Ne participe pas
participation-takes-part-since = Participe depuis le { $date }
participation-back = Retour à la liste
participation-only-this = Montré avec le consentement de la personne. Le service psychosocial voit seulement si la personne participe, jamais de contenu clinique.
validation-not-for-recipient = Le service psychosocial ne peut apprendre que si la personne participe et l'état des orientations, jamais de contenu clinique.
validation-not-pdf = Ce n'est pas un fichier PDF.
validation-file-too-large = Le fichier dépasse { $mb } Mo.
validation-opening-hours = Écrivez les heures comme 09:00-12:00, 13:00-17:00, ou laissez le jour vide s'il est fermé.

## The directory of care providers (issue 6, item 2).
nav-directory = Répertoire des services
directory-title = Répertoire des services de soins
directory-help = Les services extérieurs vers lesquels orienter : services d'aide aux toxicomanes, prescripteurs de TSO, médecins généralistes, santé mentale, logement, CPAS et CAW, avec les prisons qu'ils couvrent, leurs langues, comment et quand les joindre.
directory-search-label = Chercher dans le répertoire
directory-search = Le nom du service ou de l'organisation contient
directory-all-kinds = Tous les types
directory-all-sites = Toutes les prisons
directory-all-languages = Toutes les langues
directory-include-inactive = Aussi les services qui ne sont plus utilisés
directory-none-found = Aucun service ne correspond à cette recherche.
directory-empty = Le répertoire ne contient encore aucun service.
directory-back = Retour au répertoire
service-new = Nouveau service
service-new-title = Nouveau service
service-edit-title = Modifier le service
service-list-title = Services dans le répertoire
service-none = Cette organisation n'a aucun service dans le répertoire.
service-organisation = Organisation
service-sites = Prisons couvertes
service-covers = Couvre la prison
service-address = Adresse postale
service-phone = Téléphone
service-website = Site web
service-contact-hint = Un numéro de téléphone ou une adresse e-mail est obligatoire.
service-hours = Heures d'ouverture
service-hours-hint = Par jour, par exemple 09:00-12:00, 13:00-17:00. Laissez vide un jour de fermeture.
service-hours-note = Remarque sur les heures
service-closed = Fermé
service-kind-drug_service = Service d'aide aux toxicomanes
service-kind-oat_prescriber = Prescripteur de TSO
service-kind-general_practitioner = Médecin généraliste
service-kind-mental_health = Santé mentale
service-kind-housing = Logement
service-kind-social_welfare = CPAS / CAW (aide sociale)
weekday-mon = Lundi
weekday-tue = Mardi
weekday-wed = Mercredi
weekday-thu = Jeudi
weekday-fri = Vendredi
weekday-sat = Samedi
weekday-sun = Dimanche

## Orientations et portail des intervenants externes (issue 6, points 3 et 4)
nav-referrals = Orientations
nav-portal = Personnes orientées
referrals-title = Orientations
referrals-help = Les orientations des personnes de votre prison vers des services externes, les plus récentes d'abord. Les orientations en retard sont signalées.
referrals-portal-title = Personnes orientées vers votre organisation
referrals-portal-help = Les personnes orientées vers votre organisation, uniquement tant que leur consentement au partage avec elle est en vigueur, et uniquement ce que ce consentement couvre.
referrals-all-statuses = Tous les statuts
referrals-overdue-only = En retard uniquement
referrals-empty = Aucune orientation à afficher.
person-referrals-title = Orientations
person-referrals-empty = Cette personne n'a pas encore d'orientation.
# The psychosocial service's view of referral status (issue 6, item 5).
participation-referrals = Orientations
participation-referrals-none = Aucune orientation envoyée.
participation-referral-status = État
participation-referral-sent-on = Envoyée le
participation-referral-since = Depuis
referral-new = Nouvelle orientation
referral-new-title = Nouvelle orientation
referral-title = Orientation
referral-service = Service
referral-reason = Motif de l'orientation
referral-reason-hint = Ce dont la personne a besoin de la part du service.
referral-urgency = Urgence
referral-urgency-routine = Habituelle
referral-urgency-urgent = Urgente
referral-urgency-asap = Dès que possible
referral-sections = Ce qui est partagé
referral-sections-hint = L'identité de la personne est toujours partagée. L'orientation ne peut être envoyée qu'une fois enregistré le consentement de la personne au partage de chaque partie avec l'organisation du service.
referral-save-draft = Enregistrer comme brouillon
referral-coverage-title = Ce service pourrait ne pas convenir à la personne :
referral-confirm-coverage = Orienter quand même vers ce service
referral-coverage-confirmed = Confirmé bien que
referral-warning-prison_not_covered = le service ne couvre pas la prison de la personne.
referral-warning-language_not_spoken = le service ne travaille dans aucune des langues de la personne.
referral-status-draft = Brouillon
referral-status-sent = Envoyée
referral-status-accepted = Acceptée
referral-status-refused = Refusée
referral-status-appointment_made = Rendez-vous fixé
referral-status-attended = Présent au rendez-vous
referral-status-not_attended = Absent au rendez-vous
referral-status-closed = Clôturée
referral-step = Étape
referral-step-send = Envoyer
referral-step-accept = Accepter
referral-step-refuse = Refuser
referral-step-appointment = Fixer le rendez-vous
referral-step-attended = La personne est venue
referral-step-not_attended = La personne n'est pas venue
referral-step-close = Clôturer l'orientation
referral-event-create = Rédigée
referral-party-care_team = équipe de soins
referral-party-provider = service externe
referral-overdue-unanswered = En retard : pas de réponse du service
referral-overdue-no_appointment = En retard : pas encore de rendez-vous
referral-overdue-attendance_unrecorded = En retard : présence non enregistrée
referral-appointment = Rendez-vous
referral-appointment-at = Jour et heure du rendez-vous
referral-appointment-at-hint = Heure belge, p. ex. 2026-06-10 14:30
referral-place = Lieu
referral-note = Note
referral-refuse-reason = Pourquoi le service refuse
referral-send = Envoyer au service
referral-send-hint = L'envoi vérifie le consentement de la personne pour chaque partie partagée ; le service voit ensuite l'orientation.
referral-steps-title = Réponse du service
referral-consent-title = Consentement pour ce qui est partagé
referral-consent-help = Si les consentements de la personne permettent maintenant à l'organisation du service de lire chaque partie.
referral-shared-title = Ce que la personne a accepté de partager avec vous
referral-shared-help = Seules les parties couvertes aujourd'hui par le consentement de la personne sont affichées.
referral-shared-screening-none = Aucun dépistage terminé.
referral-shared-medication-none = Aucun traitement de substitution en cours.
referral-shared-appointments-none = Pas encore de rendez-vous.
referral-shared-dose = { $dose } mg par jour depuis le { $date }
referral-screening-positive = positif
referral-screening-negative = négatif
referral-history = Historique
referral-when = Quand
referral-change = Changement
referral-by = Par
referral-detail = Détail
referral-done-created = L'orientation est enregistrée comme brouillon.
referral-done-sent = L'orientation est envoyée au service.
referral-done-step = L'orientation est mise à jour.
referral-close-title = Clôturer l'orientation
referral-close-reason = Pourquoi l'orientation est clôturée
referral-close-warning = Une orientation clôturée ne peut pas être rouverte ; rédigez une nouvelle orientation si nécessaire.
referral-close-confirm = Clôturer l'orientation
referral-step-not-from-status = Cette étape n'est pas possible dans le statut actuel de l'orientation.
referral-step-care-team-only = Seule l'équipe de soins de la prison de la personne effectue cette étape.
referral-step-before-appointment = La présence peut être enregistrée une fois l'heure du rendez-vous venue.
referral-changed = Quelqu'un a modifié cette orientation entre-temps. Consultez-la à nouveau avant de la modifier.
validation-identity-required = Une orientation partage toujours l'identité de la personne : cochez-la.
validation-consent-missing = Un consentement manque pour ce qui est partagé.
validation-coverage-to-confirm = Confirmez que vous orientez quand même la personne vers ce service.
validation-organisation-required = Le compte d'un intervenant externe doit indiquer son organisation.
worklist-referrals-overdue = Orientations en retard
worklist-referrals-overdue-hint = Envoyées sans réponse, acceptées sans rendez-vous, ou rendez-vous passé sans présence enregistrée.
worklist-referrals-overdue-empty = Aucune orientation en retard.
worklist-referrals-overdue-count = En retard : { $count }
worklist-referrals-overdue-all = Toutes les orientations en retard
