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
