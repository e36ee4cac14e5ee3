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
worklist-awaiting-hint = Les personnes qui attendent depuis le plus longtemps d’abord. Le dépistage est attendu dans les { $days } jours suivant l’entrée.
worklist-awaiting-empty = Toutes les personnes entrées ici ont été dépistées.
worklist-days-since-entry = Jours depuis l’entrée
worklist-overdue = en retard
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
