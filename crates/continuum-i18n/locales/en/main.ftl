### Continuum: English (en). Reference language and fallback.
###
### Conventions
### - Message ids are kebab-case; the part after `role-`, `org-kind-` and
###   `purpose-` is the code value used in the database (it may contain `_`).
### - nl, fr and en must define exactly the same ids and use the same
###   variables (checked by the tests of continuum-i18n).
### - Texts are plain text: the templates escape them.
### - Terms follow the glossary in DOMAIN.md: a "site" is shown as a prison.

## Application shell

app-name = Continuum
app-tagline = Continuity of drug care in prison
demo-banner = Demo mode: fictitious data only. Do not enter real personal data. Every password is “demo”.
demo-label = Demo
skip-to-content = Skip to main content
main-navigation = Main navigation
user-menu = Account menu
lang-switch-label = Language
site-switch-label = Prison
switch-apply = Change
acting-for = Current prison: { $site }
signed-in-as = Signed in as { $name }
footer-confidential = Confidential: contains personal health data. Every access is logged.

## Navigation

nav-home = Home
nav-sites = Prisons
nav-organisations = Organisations
nav-users = Users
nav-audit = Audit log
nav-emergency-access = Emergency access
nav-my-account = My account
nav-api-docs = API documentation

## Sign-in, two-step verification and session

sign-in = Sign in
sign-out = Sign out
sign-in-title = Sign in to Continuum
sign-in-help = Forgotten your password, or lost access to your authenticator app? Contact your administrator.
signed-out = You have been signed out.
username = Username
password = Password
current-password = Current password
new-password = New password
confirm-password = Confirm new password
change-password = Change password
password-changed = Your password has been changed.
totp-code = Verification code
totp-title = Two-step verification
totp-help = Enter the 6-digit code shown in your authenticator app.
totp-setup-title = Set up two-step verification
totp-setup-help = Scan the QR code with an authenticator app, or type in the secret key below. Then enter the 6-digit code that the app shows, to confirm.
totp-secret = Secret key
totp-enable = Enable two-step verification
totp-enabled = Two-step verification is enabled.
session-idle-warning = For your security, you are signed out automatically after a period of inactivity. Changes you have not saved will be lost.

## Common actions and labels

save = Save
cancel = Cancel
create = Create
edit = Edit
delete = Delete
confirm = Confirm
confirm-delete = Delete this item? This cannot be undone.
search = Search
filter = Filter
apply = Apply
clear-filters = Clear filters
back = Back
close = Close
view = View
print = Print
actions = Actions
details = Details
status = Status
date = Date
description = Description
reason = Reason
not-set = Not set
select-placeholder = Choose…
required = required
optional = optional
saved = Changes saved.
yes = Yes
no = No
active = Active
inactive = Inactive
name = Name
code = Code
language = Language
languages = Languages
kind = Type
site = Prison
sites = Prisons
all-sites = All prisons
role = Role
roles = Roles
email = Email address
contact = Contact details
display-name = Display name
valid-from = Valid from
valid-until = Valid until
history = History
changed-by = Changed by
changed-at = Changed on
created = Created
updated = Updated

## Lists, tables and pagination

pagination = Pagination
previous-page = Previous page
next-page = Next page
page-of = Page { $page } of { $pages }
no-results = No results.
results-count =
    { $count ->
        [0] No results
        [one] { $count } result
       *[other] { $count } results
    }
sort-by = Sort by { $column }
sorted-ascending = sorted ascending
sorted-descending = sorted descending

## Notices (the label is shown as text, never by colour alone)

notice-success = Success
notice-warning = Warning
notice-danger = Error
notice-info = Information
error-summary-title = There is a problem
field-error-prefix = Error:

## Home

home-title = Home
home-welcome = Welcome, { $name }.
home-your-roles = Your roles
home-no-roles = You have no role yet. Ask your administrator to give you access.

## Roles (code values of the role enum)

role-care_worker = Care worker (project)
role-medical = Medical service
role-psychosocial = Psychosocial service
role-prison_staff = Prison officer
role-director = Prison director
role-coordinator = Drug-policy coordinator
role-steering_member = Steering group member
role-external_provider = External care provider
role-researcher = Researcher
role-admin = Administrator

## Organisation kinds

org-kind-prison = Prison
org-kind-drug_service = Drug service
org-kind-care_provider = Care provider
org-kind-other = Other

## Audit log

audit-title = Audit log
audit-when = When
audit-who = Who
audit-action = Action
audit-outcome = Outcome
audit-outcome-allowed = Allowed
audit-outcome-denied = Denied
audit-outcome-failed = Failed
audit-purpose = Purpose
purpose-treatment = Care and treatment
purpose-break_the_glass = Emergency access
purpose-research = Research
purpose-administration = Administration
purpose-authentication = Sign-in
audit-resource = Data accessed
audit-access-point = Access point
audit-request-id = Request reference
audit-verify-ok = The audit log is intact: every entry is linked to the one before it.
audit-verify-broken = The audit log chain is broken at entry { $seq }. Inform the administrator and the data protection officer.
person-access-log-title = Who has accessed this file

## Emergency access (break the glass)

btg-title = Emergency access
btg-help = Use emergency access only in a medical emergency, when you need the file of a person at a prison where you do not normally work. A reason is mandatory. Access is limited in time and ends automatically. Every use is logged and reviewed afterwards.
btg-reason = Reason for emergency access
btg-request = Request emergency access
btg-expires = Access ends: { $time }
btg-review = Review
btg-reviewed = Reviewed
btg-pending-review = Awaiting review

## Errors

error-title = Error
error-back-home = Go to the home page
error-not-found = This page or item does not exist, or no longer exists.
error-forbidden = You do not have access to this page. If you need it for your work, ask your administrator.
error-unauthenticated = Please sign in to continue.
error-conflict = Someone else changed this item in the meantime. Reload the page, check the changes and try again.
error-internal = Something went wrong. Quote reference { $request_id } to the administrator.
error-unavailable = The service is temporarily unavailable. Try again in a few minutes.
error-too-large = The data you sent is too large.
error-invalid = Please correct the fields marked below.
error-csrf = This form has expired or was sent from another page. Reload the page and try again.
error-rate-limited = Too many requests. Wait a moment and try again.
error-locked =
    { $minutes ->
        [one] Too many failed sign-in attempts. Try again in { $minutes } minute.
       *[other] Too many failed sign-in attempts. Try again in { $minutes } minutes.
    }
error-bad-credentials = The username or password is incorrect.
error-totp-invalid = The verification code is incorrect or has expired. Enter the current code from your authenticator app.
error-session-expired = Your session has expired. Please sign in again.

## Validation

validation-required = This field is required.
validation-too-short =
    { $min ->
        [one] Enter at least { $min } character.
       *[other] Enter at least { $min } characters.
    }
validation-too-long =
    { $max ->
        [one] Enter at most { $max } character.
       *[other] Enter at most { $max } characters.
    }
validation-invalid-format = The format is not valid.
validation-password-common = This password is too common. Choose one that is harder to guess.
validation-password-too-short =
    { $min ->
        [one] The password must be at least { $min } character long.
       *[other] The password must be at least { $min } characters long.
    }
validation-password-contains-username = The password must not contain your username.
validation-password-mismatch = The two passwords do not match.
validation-duplicate = This value is already in use.
validation-unknown-site = Unknown prison.
validation-date-order = The end date must not be before the start date.
