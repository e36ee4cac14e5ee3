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
results-count-more = More than { $count } results; narrow the search to see them all
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
validation-impossible-date = This date is not possible.
validation-before-birth = This date lies before the date of birth.

## Administration pages: common

version = Version
created-utc = Created (UTC)
updated-utc = Updated (UTC)
changed-at-utc = Changed on (UTC)
date-format-hint = Format: YYYY-MM-DD
language-nl = Dutch
language-fr = French
language-en = English

## Prisons (sites)

sites-title = Prisons
sites-new = New prison
sites-new-title = New prison
sites-edit-title = Edit prison
sites-back = Back to the prisons
sites-empty = There are no prisons yet.
sites-code-hint = Three letters, for example HAS for Hasselt.
sites-active-label = Takes part in the programme now

## Organisations

organisations-title = Organisations
organisations-new = New organisation
organisations-new-title = New organisation
organisations-edit-title = Edit organisation
organisations-back = Back to the organisations
organisations-empty = There are no organisations yet.
organisations-none-found = No organisation matches this search.
organisations-search = Name contains
organisations-search-label = Search organisations
organisations-all-kinds = All types
organisations-contact-hint = Address, phone number, email address.
organisations-active-label = In use

## Users and security settings

users-title = Users
users-new = New user
users-new-title = New user
users-edit-title = Edit account
users-back = Back to the users
users-search = Username or name
users-search-label = Search users
users-none-found = No user matches this search.
users-created = The account has been created.
users-username-hint = 3 to 64 characters: lower-case letters, digits, dots, hyphens and underscores. It cannot be changed later.
users-password-hint = At least 12 characters; not a common password and not containing the username. Give it to the user in person: they can change it under My account.
users-active-label = Account active
users-active-hint = An inactive account cannot sign in, and its sessions end at once.
users-grants-hint = One role per line, with the prison where it applies. Lines left on “No role” are ignored.
users-own-admin-hint = You cannot remove your own administrator role.
users-no-role = No role
users-no-roles = No roles
users-second-factor = Two-step verification
users-totp-on = On
users-totp-off = Off
users-locked-utc = Locked (UTC)
users-locked-until = Locked until { $time }
users-reset-password = Reset password
users-reset-password-help = Sets a new password, lifts a lock-out and ends all of the user's sessions. Give the new password to the user in person.
users-reset-password-confirm = Reset this user's password? Their sessions end at once.
users-reset-password-done = The password has been reset. The user's sessions have ended.
users-new-password = New password
security-title = Security settings
security-totp-roles = Roles that must use two-step verification
security-totp-roles-hint = Users who hold one of these roles must set up two-step verification and use it every time they sign in.

## Audit log: search

audit-search-label = Search the audit log
audit-action-prefix = Action
audit-action-hint = The start of the action code, for example user. or session.sign_in
audit-any-outcome = Any outcome
audit-person = Person number
audit-from = From
audit-to = Until (inclusive)
audit-when-utc = When (UTC)
audit-entries = Audit log entries
audit-none-found = No entries match this search.
person-access-log-help = Every read and every change of this person's data, newest first. Sign-ins are not listed.
person-access-log-empty = No access to this file has been logged.

## Emergency access: pages

btg-person = Person number
btg-person-hint = Leave empty only if you do not know the number: the access then covers every person of this prison.
btg-request-confirm = Open emergency access? Your reason and everything you consult are logged and reviewed.
btg-opened = Emergency access is open. It ends automatically and will be reviewed.
btg-mine-title = Your open emergency accesses
btg-mine-empty = You have no open emergency access.
btg-any-person = Every person of this prison
btg-opened-at-utc = Opened (UTC)
btg-ends-at-utc = Ends (UTC)
btg-revoked = Withdrawn
btg-review-title = Emergency accesses to review
btg-review-filter = Filter the emergency accesses
btg-show = Show
btg-show-all = All emergency accesses
btg-review-note = Review note
btg-review-saved = The review has been recorded.
btg-already-reviewed = This emergency access has already been reviewed.
btg-nothing-pending = No emergency access is awaiting review.
btg-none = No emergency access has been used yet.
btg-not-for-you = Your roles do not include emergency access or its review.

## My account

account-title = My account
account-back = Back to my account
account-profile = Profile
account-profile-help = To change your name, email address or roles, contact your administrator. You can change the language at the top of the page.
account-password-hint = At least 12 characters. A long sentence that you can remember easily is a good choice. Avoid common passwords and your username.
account-current-password-wrong = The current password is incorrect.
account-totp-off = Two-step verification is not set up.
account-totp-set-up = Set up two-step verification
account-totp-setup-help = Add your account to an authenticator app: type in the secret key below, or use the link if your app accepts it. Then enter the 6-digit code that the app shows, to confirm.
account-totp-uri = Link for authenticator apps
account-tokens = API tokens
account-tokens-help = An API token lets a program use the Continuum API on your behalf, with your rights. Keep it as secret as a password.
account-tokens-empty = You have no API tokens.
account-token-new = New API token
account-token-label = Label
account-token-days = Valid for (days)
account-token-days-hint = Leave empty for the default validity.
account-token-create = Create token
account-token-created = The API token has been created.
account-token-once = Copy this token now: it is shown only once and cannot be retrieved later.
account-token-ends = The token ends on { $time } (UTC).
account-token-ends-utc = Ends (UTC)
account-token-expired = Expired
account-token-revoked-state = Revoked
account-token-revoke = Revoke
account-token-revoke-named = Revoke token { $name }
account-token-revoke-confirm = Revoke this token? Programs that use it lose access at once.
account-token-revoked = The token has been revoked.

## Entry register
nav-people = Register
choose = Choose…
date-hint = Day/month/year, e.g. 23/11/2026
nav-worklist = Worklist
worklist-title = Worklist
worklist-awaiting-screening = Entered, not yet screened
worklist-awaiting-hint = The longest waiting first. Screening is due within { $days } days of entry, or of the signal that reopened the pathway.
worklist-awaiting-empty = Everyone entered here has been screened.
worklist-days-waiting = Days waiting
worklist-overdue = overdue
worklist-filter-label = Filter the people waiting
worklist-overdue-only = Only those past the { $days } days
worklist-filter = Filter
worklist-overdue-empty = Nobody here has waited longer than the screening deadline.
worklist-positive-without-intake = Positive screening, no intake yet
worklist-positive-hint = An intake was proposed after a positive screening or on request. The longest waiting first.
worklist-positive-empty = Every positive screening here has led to an intake.
worklist-positive-since = Waiting since
worklist-screened-this-week = Screened in the past 7 days
worklist-screened-empty = Nobody was screened here in the past 7 days.
worklist-screened-at = Completed
screening-title = Screening (interview)
screening-interview-hint = Read each question from the validated form; these are Continuum’s short labels.
screening-progress = Answered
screening-next = Save and continue
screening-previous = Previous question
screening-other-name = Which substance
screening-all-answered = Every question is answered. Complete the screening to see the result.
screening-complete = Complete the screening
screening-see-result = See the result
screening-back-to-person = Back to the person
screening-choose-an-answer = Choose one of the answers.
screening-result-title = Screening result
screening-positive = Positive screening.
screening-positive-next = An intake is proposed.
screening-negative = Negative screening.
screening-negative-next = The pathway is closed unless the person asks for care.
screening-instrument = Instrument
screening-mode = Mode
screening-mode-interview = Interview
screening-mode-self = Self-administered
screening-language = Language
screening-completed-at = Completed (UTC)
screening-scores = Scores
screening-substance = Substance
screening-score = Score
screening-risk = Risk
screening-action = What it calls for
screening-start = Screen now (interview)
screening-section = Screening
screening-none = No screening yet.
screening-in-progress = In progress
screening-refused = refused by the person
screening-refuse = The person refuses the screening
screening-refuse-why = Reason given (optional)
screening-refuse-hint = No clinical details. The person stays on the worklist and can be offered the screening again.
screening-refuse-confirm = Record the refusal
screening-action-general-information = Low risk: give general information.
screening-action-brief-intervention = Moderate risk: offer a brief intervention.
screening-action-further-assessment = High risk: refer for further assessment and more intensive treatment.
screening-action-injecting = Injected in the past 3 months: give risk information and refer.
screening-action-alcohol-education = AUDIT zone I: alcohol education.
screening-action-simple-advice = AUDIT zone II: simple advice.
screening-action-brief-counselling = AUDIT zone III: simple advice plus brief counselling and continued monitoring.
screening-action-specialist-referral = AUDIT zone IV: referral to a specialist for diagnostic evaluation and treatment.
people-title = Entry register
people-new = Register an entry
people-new-title = Register an entry
people-edit-title = Edit identity
people-register = Register
people-back = Back to the register
people-search-label = Search the register
people-search = Name, prison number or date of birth
people-search-hint = Accents, capitals and the order of names do not matter.
people-none-found = Nobody matches this search.
people-empty = Nobody is registered at this prison yet.
people-episodes = Detention episodes
people-identity = Identity
people-entry = Entry
people-duplicates-title = Possibly already registered
people-possible-duplicates = People with the same date of birth and a name in common are already registered. Check the list below; if this is someone else, tick the box and register again.
people-not-a-duplicate = This is another person: register anyway
person-family-name = Family name
person-given-names = Given names
person-birth-date = Date of birth
person-sex = Sex
person-nationality = Nationality
person-nationality-hint = Two-letter country code, e.g. BE, MA, RO
person-languages = Languages spoken
person-languages-hint = Two-letter language codes separated by commas, e.g. nl, fr, ar
person-preferred-language = Preferred language
person-preferred-language-hint = The language to address the person in, e.g. fr
person-site = Prison
person-prison-number = Prison number
person-entry-date = Entry date
person-legal-status = Legal status
person-expected-release = Expected release
person-release-date = Release date
sex-female = Female
sex-male = Male
sex-other = Other
sex-unknown = Unknown
legal-status-remand = Remand (awaiting trial)
legal-status-sentenced = Sentenced
legal-status-interned = Interned
legal-status-other = Other

## Care pathway

pathway-state-signalled = Signalled
pathway-state-screening_offered = Screening offered
pathway-state-intake_proposed = Intake proposed
pathway-state-intake = Intake done
pathway-state-in_care = In care
pathway-state-release_planning = Release planning
pathway-state-released_in_follow_up = Released, in follow-up
pathway-state-declined = Declined by the person
pathway-state-closed = Closed
pathway-closing-completed = Completed
pathway-closing-declined = Declined by the person
pathway-closing-lost_to_follow_up = Lost to follow-up
pathway-closing-transferred_out_of_programme = Transferred out of the programme
pathway-closing-released_without_follow_up = Released without follow-up
pathway-closing-deceased = Deceased
pathway-source-entry = Entry into the prison
pathway-source-prison_staff = Prison staff
pathway-source-medical_service = Medical service
pathway-source-person = The person themselves
pathway-source-care_worker = Care worker
pathway-command-signal = Signal
pathway-command-offer_screening = Offer screening
pathway-command-refuse_screening = Screening refused
pathway-command-record_screening = Record screening
pathway-command-propose_intake = Propose intake
pathway-command-record_intake = Record intake
pathway-command-start_care = Start care
pathway-command-plan_release = Plan release
pathway-command-release = Record release
pathway-command-complete_follow_up = Complete follow-up
pathway-command-decline = Person declines
pathway-command-come_back = Person comes back
pathway-command-transfer = Record transfer
pathway-command-close = Close pathway
pathway-command-reopen = Reopen pathway
pathway-refused-closed = This pathway is closed. It can only be reopened.
pathway-refused-not-closed = This pathway is still open, so it cannot be reopened.
pathway-refused-already-signalled = This person already has an open pathway. Continue that one.
pathway-refused-screening-not-offered = Offer the screening first.
pathway-refused-intake-not-proposed = Propose an intake first, after a positive screening or at the person's request.
pathway-refused-intake-not-done = Record the intake first.
pathway-refused-follow-up-needs-care = Follow-up after release is only possible once the intake has taken place. Record the release without follow-up.
pathway-refused-already-released = The person has already been released.
pathway-refused-not-in-follow-up = This is only possible during the follow-up after release.
pathway-refused-not-completable = A pathway can only be completed while the person is in care or at the end of the follow-up after release.
pathway-refused-already-declined = The person has already declined.
pathway-refused-declined = The person has declined. Record their return first.
pathway-refused-not-declined = This is only possible after the person has declined.
pathway-refused-same-site = The pathway is already at this prison.
pathway-refused-reason-follows-from-step = This closing reason follows from a step: record the transfer or the release instead.
pathway-refused-reason-required = Give a reason.
pathway-refused-before-last-step = The date and time are before the pathway's last step.
pathway-refused-not-allowed = “{ $command }” is not possible while the pathway is at “{ $state }”.

## Content packs and the self-administration kiosk

nav-content-packs = Content packs
packs-title = Content packs
packs-intro = The validated wording of the screening instruments, per instrument version and language, with its source, rights holder and date of permission. It is kept in the database, never in the software. Interview mode uses Continuum’s labels; self-administration on a tablet needs a pack in the person’s language.
packs-load = Load a pack
packs-file = Pack file (TOML)
packs-file-hint = The pack must word every item and answer option of its instrument version. A pack for an instrument version and language that already has one replaces it; the old pack stays recorded.
packs-load-button = Load the pack
packs-loaded = Packs loaded
packs-none = No content pack is loaded yet.
packs-id = No.
packs-active = Active
packs-replaced = Replaced { $time }
packs-source = Source
packs-rights-holder = Rights holder
packs-permission-date = Permission of
packs-loaded-by = Loaded by (UTC)
packs-loaded-notice = Pack { $id } is loaded and active.
packs-refused = The pack was not loaded
packs-choose-file = Choose a pack file.
packs-not-text = The file is not UTF-8 text.
pack-error-unreadable = The file is not a content pack: { $detail }
pack-error-unknown-instrument = Instrument { $instrument } { $version }: there is no such instrument version.
pack-error-language = Language “{ $language }”: only nl, fr and en are possible.
pack-error-missing = { $field }: missing.
pack-error-too-long = { $field }: longer than { $max } characters.
pack-error-permission-date = permission_date “{ $value }”: not a date (YYYY-MM-DD) up to today.
pack-error-item-missing = Item { $item }: the wording is missing.
pack-error-unknown-item = Item { $item }: not an item of this instrument version.
pack-error-option-missing = Option { $option }: the wording is missing.
pack-error-unknown-option = Option { $option }: not an option of this instrument version.
pack-error-wording-too-long = { $item }: the wording is longer than { $max } characters.
kiosk-start = Self-administered on a tablet
kiosk-needs-pack = Self-administration on a tablet needs a content pack in the person’s preferred language, and none is loaded. Use interview mode.
kiosk-code-title = Pairing code for the tablet
kiosk-code-instructions = On the tablet, open the page /kiosk and type this code. The tablet then shows the person the questions one at a time, in their language.
kiosk-code-valid-until = The code can be used once, until { $time } (UTC).
kiosk-result-here = The result is never shown on the tablet: you see it here once the person has sent their answers.
kiosk-follow = Follow the screening
kiosk-unavailable-title = Self-administration not possible
kiosk-no-content-pack = No content pack of the screening is loaded in the person’s preferred language ({ $language }). Self-administration is not possible: use interview mode.
kiosk-interview-underway = An interview of this person is under way and already holds answers. Continue it as an interview.
kiosk-continue-interview = Continue the interview
kiosk-screening-title = Screening (self-administered on a tablet)
kiosk-screening-hint = The person answers on the tablet; each answer is saved as it is given.
kiosk-state-none = No tablet is paired. Give a new pairing code to continue on a tablet.
kiosk-state-paired = A tablet is paired; last activity at { $time } (UTC).
kiosk-state-waiting = A pairing code is waiting for the tablet until { $time } (UTC).
kiosk-new-code = New pairing code
kiosk-answering = The person is answering on the tablet.
kiosk-content-pack = Content pack
kiosk-pack-number = Pack
kiosk-pack-none = None (interview with Continuum’s labels)
kiosk-demo-banner = Demonstration: the questions are Continuum’s labels, not the validated wording.
kiosk-locked-title = This tablet is locked
kiosk-thank-you = Thank you. Your answers have been saved. Please hand the tablet back.
kiosk-code-label = Pairing code
kiosk-code-hint = The eight digits the worker gives you.
kiosk-pair = Start
kiosk-staff-sign-in = Staff sign-in
kiosk-code-invalid = This code is not valid, has already been used or has expired. Ask the worker for a new code.
kiosk-question-title = Questionnaire
kiosk-progress = Progress
kiosk-progress-count = Questions answered: { $answered } of { $total }
kiosk-other-name = Which substance?
kiosk-next = Next
kiosk-back = Back
kiosk-all-answered-title = All questions are answered
kiosk-all-answered = You can go back to change an answer, or send your answers now.
kiosk-finish = Send my answers
kiosk-name-required = Write which substance it is.
## Screenings through the API and FHIR (issue 4, item 7)
screening-answer-not-an-option = “{ $option }” is not one of the answers to item { $item }.
screening-answer-unknown-item = { $item } is not an item of this instrument.
screening-already-completed = This screening is already completed: its answers can no longer change.
screening-not-yet-complete = This screening is not complete: answer every question asked first.
fhir-subject-required = Name the person as subject=Patient/ID.
fhir-subject-invalid = The subject must be a person, written Patient/ID.
## Detention episodes and signals (issue 4, items 1 and 3)

validation-before-entry = This date lies before the entry date.
validation-same-site = The person is already at this prison.
validation-episode-ended = This detention episode has already ended.
validation-not-at-site = Nobody with this number is registered at this prison.
release-kind-end_of_sentence = End of sentence
release-kind-conditional_release = Conditional release
release-kind-electronic_monitoring = Electronic monitoring
release-kind-provisional_release = Provisional release
release-kind-released_by_court = Released by a court decision
release-kind-removal = Removal from the territory
release-kind-transfer = Transfer to another prison of the programme
release-kind-transfer_out = Transfer to a prison outside the programme
release-kind-deceased = Died in detention
release-kind-other = Other
episode-change-created = Entry
episode-change-updated = Changed
episode-change-released = Release
episode-change-transferred = Transfer
episode-change = Change
episode-history = Changes to the detention episodes
episode-current = Current detention episode
episode-edit-title = Edit detention episode
episode-release-title = Record a release
episode-transfer-title = Transfer to another prison
episode-release = Record release
episode-transfer = Transfer
episode-release-kind = Kind of release
episode-release-help = The detention episode ends on this day. If the person never had an intake, their care pathway is closed; after an intake, the care team decides on the follow-up.
episode-release-confirm = Record this release? The detention episode will be closed.
episode-transfer-to = Receiving prison
episode-transfer-date = Date of transfer
episode-new-prison-number = New prison number
episode-new-prison-number-hint = Leave empty if the person keeps their current number.
episode-transfer-help = The detention episode here ends on the day of transfer and a new one begins at the receiving prison. Its team takes the person over, with their care pathway; your team no longer sees the person.
episode-transfer-confirm = Transfer this person? Your team will no longer see them.
episode-transferred-from = transferred from { $site }
episode-transferred-to = transferred to { $site }
episode-transferred-notice = The transfer is recorded. The person is now in the register of { $site }.
nav-signals = Signals
signals-title = Signals
signals-signal-person = Signal a need for help
signals-none-for-person = Nobody has signalled this person.
signals-signalled-at = Signalled
signals-source = By
signals-reason = Reason
signals-signalled-by = Signalled by
signals-received = Received
signals-not-received = Not yet
signals-mine-title = My signals
signals-mine-help = What you signalled and whether the care team received it.
signals-mine-empty = You have not signalled anyone yet.
signals-new-title = Signal someone who may need help
signals-sent = Your signal has been sent to the care team.
signals-as-typed = Prison number and name
signals-on-behalf-short = at the person's own request
signals-back = Back to my signals
signals-form-help = The care team of the prison will look into it. Write what you saw or what the person asked, not medical details.
signals-person = Person
signals-name = Name
signals-name-hint = As you know it; it helps the care team find the right person.
signals-reason-hint = Short, and without medical details.
signals-on-behalf = The person asked for help themselves
signals-send = Send signal
signals-incoming-title = Incoming signals
signals-incoming-help = Link each signal to the person it is about, and mark it received so the person who signalled knows.
signals-back-to-worklist = Back to the worklist
signals-show-pending = Only those not received
signals-show-all = All signals
signals-none = No signals yet.
signals-none-pending = Every signal has been received.
signals-link-to = Link to { $name }
signals-no-match = No match for this number.
signals-link = Link
signals-acknowledge = Mark received
worklist-signals = Signals not yet received
worklist-signals-count = Not yet received: { $count }
worklist-signals-all = All incoming signals
## Merging duplicate people and importing entry lists on a page

nav-merges = Merges
merge-title = Merge a duplicate record
merge-back = Back to the person
merge-record-number = Record number
merge-number-label = Merge
merge-number = Merge { $merge }
merge-duplicate-number = Record number of the duplicate
merge-duplicate-hint = The duplicate's data moves to this record, which stays. The record number is shown on each person's page.
merge-duplicate-invalid = Give the record number of the duplicate (digits only).
merge-compare = Compare the two records
merge-explain = Check that both records are the same person. The record on the left stays: it keeps its identity, its current detention episode and its current care pathway. The episodes, pathways and screenings of the record on the right move to it; nothing is deleted, and an administrator can undo the merge.
merge-survivor = Stays
merge-duplicate = Merged into it
merge-pathways = Care pathways
merge-pathway-current = (current)
merge-screenings = Screenings
merge-versions = Versions of the identity
merge-confirm = Merge the right record into the left one
merge-swap = Keep the right record instead
merge-warning-pathway = The record merged has an open care pathway (“{ $state }”). After the merge it is kept but no longer current: the staying record's pathway is. To keep it current, keep the right record instead.
merge-warning-prison-number = Both records hold prison number { $number } at { $site }. After the merge both episodes belong to the staying record.
merge-warning-birth-date = The dates of birth differ. The staying record's is kept; correct it afterwards if needed.
merge-done = Record { $merged } was merged into this record.
merge-merged-into = This record was merged into record { $survivor } on { $at } by { $by } (merge { $merge }). It is no longer listed or changed.
merge-open-survivor = Open the record it was merged into
merge-absorbed-title = Records merged into this one
merge-same-record = A record cannot be merged with itself.
merge-already-merged = One of the two records has already been merged into another record.
merge-already-undone = This merge has already been undone.
merge-undo-later-first = A later merge moved the staying record into another record: undo that merge first.
merges-title = Merges of duplicate records
merges-explain = Every merge of two records of one person. Undoing a merge gives each record back exactly what was its own. Only record numbers are shown here, never names.
merges-empty = No record has been merged.
merges-back = Back to the merges
merge-merged-at = Merged on (UTC)
merge-state = State
merge-state-active = In force
merge-state-undone = Undone
merge-moved-label = Moved
merge-moved = { $episodes } episodes, { $pathways } pathways, { $screenings } screenings
merge-undo-title = Undo this merge
merge-undo-explain = The episodes, pathways and screenings that this merge moved go back to the merged record, which is listed again. What was added to the staying record since the merge stays there.
merge-undo = Undo the merge
merge-undone = The merge was undone.
import-title = Import an entry list
import-explain = Upload the prison's entry list (CSV, UTF-8, one header line; the columns are family_name, given_names, birth_date, sex, nationality, languages, preferred_language, prison_number, entry_date, legal_status, expected_release). The file is checked first: nothing is written until you confirm, and entries already registered are left as they are.
import-file = CSV file
import-file-hint = At most { $mb } MB.
import-file-required = Choose the file to import.
import-too-large = The file is larger than { $mb } MB. Split it into smaller files and import each.
import-unreadable = The file could not be read as a CSV entry list.
import-missing-columns = A required column is missing: family_name, birth_date, prison_number, entry_date and legal_status are required.
import-line-unreadable = The line could not be read (a quote is not closed?).
import-duplicate-number = already held at this prison by someone with another date of birth, or given twice in the file
import-check = Check the file
import-check-title = Check of the entry list
import-result-title = Entry list imported
import-again = Upload another file
import-digest = File fingerprint (SHA-256)
import-counts = { $lines } lines read: { $new } new, { $known } already registered, { $refused } refused.
import-refused = Nothing can be imported: correct the lines below and upload the file again.
import-refused-lines = Refused lines
import-line = Line
import-reason = Reason
import-nothing-new = Every entry of this file is already registered: there is nothing to import.
import-confirm-title = Import the new entries
import-confirm-explain = Exactly the file checked above is imported, in one go.
import-confirm = Import the new entries
import-done = The new entries were registered.
import-see-register = See the register, latest entries first
import-changed-since-check = Nothing was imported: the register changed since the check. Upload the file again.
import-expired = This import is no longer waiting for confirmation (it was confirmed already, or more than 30 minutes passed). Upload the file again.

## Care pathway: intake, care plan, contacts, timeline (issue 5, items 1 to 3)

validation-out-of-range = Enter a number from { $min } to { $max }.
validation-too-many = Choose at most { $max }.
validation-dose-unusual = This dose is unusual. Check it, then tick “The dose is checked” to save it.
validation-repeats-primary = The primary substance cannot also be a secondary substance.
validation-review-before-plan = The review date must not be before the date of the plan.
care-no-open-pathway = This person has no open care pathway. Reopen it first (from a signal), then record this again.
care-plan-changed = Someone else saved this care plan in the meantime. Your changes were not saved: read their change below, then save again.
care-plan-exists = This care pathway already has a care plan: change that one instead.
care-answer-yes = Yes
care-answer-no = No
care-answer-unknown = Not known
care-recency-never = Never
care-recency-more_than_12_months = More than 12 months ago
care-recency-last_12_months = In the last 12 months (not the last 30 days)
care-recency-last_30_days = In the last 30 days
care-recency-unknown = Not known
care-not-recorded = Not recorded
care-back-to-person = Back to the person
care-nav-label = Care of this person
care-tab-intake = Intake
care-tab-plan = Care plan
care-tab-contacts = Contacts
care-tab-timeline = Timeline
care-section = Care
care-section-help = Intake and assessment, care plan, contacts and the whole pathway in order.
intake-title = Intake and assessment
intake-record-help = Record the intake: the items of the treatment demand indicator (TDI) are chosen from lists, so they never need to be typed again. Sex, age and nationality come from the register. Recording the intake moves the care pathway to “Intake”.
intake-amend-help = Correct the intake. The corrected version is saved as a new version; the earlier one is kept.
intake-save = Record the intake
intake-save-amendment = Save the correction
intake-amend = Correct the intake
intake-saved = The intake was saved.
intake-none = No intake has been recorded for this person yet.
intake-superseded = This is an earlier version of the intake: a later correction replaces it.
intake-versions = Versions of the intake
intake-version-shown = Shown
intake-version-amendment = Correction
intake-version-first = First recording
intake-section-treatment = Treatment
intake-section-register = From the register
intake-register-hint = Taken from the register: correct them on the person's page if needed.
intake-section-use = Substance use
intake-section-situation = Health and social situation
intake-section-oat = Opioid agonist treatment outside
intake-section-goals = Goals and language
intake-section-language = Language
intake-section-notes = In the person's words
intake-date = Date of the intake
intake-age = Age
intake-referral-source = Referred by
intake-previous-treatment = Treated for drug use before
intake-ever-oat = Ever in opioid substitution treatment
intake-primary-substance = Primary substance
intake-secondary-substances = Secondary substances
intake-secondary-hint = At most 4, alcohol included.
intake-route = Usual route (primary substance)
intake-frequency = Frequency (primary substance)
intake-frequency-hint = In the 30 days before detention.
intake-first-use-age = Age at first use (primary substance)
intake-injecting = Injecting
intake-first-injection-age = Age at first injection
intake-injection-hint = Only for a person who has injected.
intake-needle-sharing = Shared needles or syringes
intake-living-with = Lived with (before detention)
intake-lives-with-children = Lived with children
intake-accommodation = Accommodation (before detention)
intake-labour-status = Labour status
intake-education = Highest education completed
intake-health-insurance = Health insurance in order
intake-hiv-test = Last HIV test
intake-hcv-test = Last hepatitis C test
intake-health = Health situation
intake-social = Social situation
intake-oat-outside = On opioid agonist treatment outside
intake-oat-hint = When yes: medicine, dose, prescriber and last dose taken are required.
intake-oat-medicine = Medicine
intake-oat-dose = Daily dose (mg)
intake-oat-dose-hint = For example 60 or 0.4.
intake-dose-confirm = The dose is checked
intake-oat-prescriber = Prescriber
intake-oat-last-dose-on = Day of the last dose taken
intake-oat-last-dose-at = Time of the last dose taken
intake-oat-last-dose = Last dose taken
intake-time-hint = Hours and minutes, e.g. 08:30.
intake-goals = The person's own goals
intake-goals-hint = In the person's words.
intake-language = Language of care
intake-interpreter = An interpreter is needed
intake-interpreter-needed = interpreter needed
intake-referral-self = The person themselves
intake-referral-family_friends = Family or friends
intake-referral-drug_service = Another drug service
intake-referral-general_practitioner = General practitioner
intake-referral-hospital_medical = Hospital or medical service (the prison's included)
intake-referral-social_services = Social services (psychosocial service included)
intake-referral-justice = Court, probation, police or prison staff
intake-referral-education = Educational services
intake-referral-other = Other
intake-referral-unknown = Not known
intake-previous-never = Never treated
intake-previous-previously = Treated before
intake-previous-unknown = Not known
substance-heroin = Heroin
substance-methadone_misused = Methadone (misused)
substance-buprenorphine_misused = Buprenorphine (misused)
substance-fentanyl_misused = Fentanyl (misused)
substance-other_opioids = Other opioids
substance-cocaine = Cocaine (powder)
substance-crack = Crack cocaine
substance-amphetamines = Amphetamines
substance-methamphetamine = Methamphetamine
substance-mdma = MDMA and derivatives
substance-synthetic_cathinones = Synthetic cathinones
substance-other_stimulants = Other stimulants
substance-benzodiazepines = Benzodiazepines
substance-barbiturates = Barbiturates
substance-ghb = GHB or GBL
substance-other_sedatives = Other hypnotics and sedatives
substance-lsd = LSD
substance-ketamine = Ketamine
substance-other_hallucinogens = Other hallucinogens
substance-volatile_inhalants = Volatile inhalants
substance-cannabis = Cannabis
substance-synthetic_cannabinoids = Synthetic cannabinoids
substance-alcohol = Alcohol
substance-other = Other substance
intake-route-inject = Injected
intake-route-smoke_inhale = Smoked or inhaled
intake-route-eat_drink = Eaten or drunk
intake-route-sniff = Sniffed
intake-route-other = Other
intake-route-unknown = Not known
intake-frequency-daily = Daily
intake-frequency-days_4_6 = 4 to 6 days a week
intake-frequency-days_2_3 = 2 or 3 days a week
intake-frequency-weekly_or_less = Once a week or less
intake-frequency-not_last_30_days = Not used in those 30 days
intake-frequency-unknown = Not known
intake-living-with-alone = Alone
intake-living-with-parents = With parents
intake-living-with-partner = With a partner
intake-living-with-partner_and_children = With a partner and children
intake-living-with-alone_with_children = Alone with children
intake-living-with-friends_or_others = With friends or others
intake-living-with-other = Other
intake-living-with-unknown = Not known
intake-accommodation-stable = Stable accommodation
intake-accommodation-unstable = Unstable (homeless, shelter)
intake-accommodation-institution = An institution (prison, clinic)
intake-accommodation-unknown = Not known
intake-labour-employed = Regularly employed
intake-labour-student = Pupil or student
intake-labour-unemployed = Unemployed
intake-labour-inactive = Economically inactive (retired, disabled, at home)
intake-labour-other = Other
intake-labour-unknown = Not known
intake-education-none = No school completed
intake-education-primary = Primary
intake-education-lower_secondary = Lower secondary
intake-education-upper_secondary = Upper secondary
intake-education-higher = Higher education
intake-education-unknown = Not known
oat-medicine-methadone = Methadone
oat-medicine-buprenorphine = Buprenorphine
oat-medicine-buprenorphine_naloxone = Buprenorphine with naloxone
oat-medicine-other = Other opioid agonist
plan-goal-status-open = Open
plan-goal-status-achieved = Achieved
plan-goal-status-abandoned = Given up
plan-intervention-kind-individual_counselling = Individual counselling
plan-intervention-kind-group_work = Group work
plan-intervention-kind-oat = Opioid agonist treatment
plan-intervention-kind-harm_reduction = Harm reduction
plan-intervention-kind-release_preparation = Preparation for release
plan-intervention-kind-referral = Referral
plan-intervention-status-planned = Planned
plan-intervention-status-in_progress = Under way
plan-intervention-status-done = Done
plan-intervention-status-cancelled = Cancelled
plan-change-created = Plan made
plan-change-revised = Changed
plan-change-reviewed = Reviewed with the person
plan-item-plan = Plan
plan-item-goal = Goal
plan-item-intervention = Intervention
plan-date = Date of the plan
plan-review-date = Next review
plan-goal-description = Goal
plan-goal-status = Status
plan-goal-target-date = Target date
plan-intervention-kind = Kind
plan-intervention-description = What
plan-intervention-responsible = Who does it
plan-intervention-starts-on = From
plan-intervention-status = Status
contact-kind-counselling = Counselling
contact-kind-assessment = Assessment
contact-kind-group_work = Group work
contact-kind-oat = Opioid agonist treatment
contact-kind-harm_reduction = Harm reduction
contact-kind-release_preparation = Preparation for release
contact-kind-referral = Referral
contact-kind-crisis = Crisis
contact-kind-other = Other
contact-attendance-attended = Attended
contact-attendance-did_not_attend = Did not attend
plan-title = Care plan
plan-history-title = Versions of the plan
plan-start-help = Goals agreed with the person and the interventions that serve them. Saving the first plan moves the care pathway to “In care”; the intake must be recorded first.
plan-change-help = Every save is a new version of the plan; the earlier versions are kept.
plan-dates = Dates
plan-review-hint = Not before the date of the plan. The worklist shows the review from { $days } days before.
plan-reviewed = This version is a review with the person
plan-reviewed-hint = Tick when the plan was gone through with the person.
plan-goals = Goals
plan-interventions = Interventions
plan-new-row = new
plan-remove-goal = Remove this goal from the plan
plan-remove-intervention = Remove this intervention from the plan
plan-add-goal = Add a goal
plan-add-intervention = Add an intervention
plan-note = Note on this version
plan-note-hint = What changed and why, in a few words.
plan-start = Save the plan
plan-save = Save the new version
plan-change = Change the plan
plan-saved = The care plan was saved.
plan-none = This person has no care plan yet.
plan-earlier-version = This is an earlier version of the plan.
plan-no-interventions = No intervention is planned.
plan-versions = Versions
plan-back = Back to the plan
plan-no-difference = Nothing changed but the note or the review mark.
plan-meanwhile-title = Saved by someone else in the meantime
plan-meanwhile-help = The form below still holds what you typed. Check it against these changes, then save again: your save will replace the plan as shown above.
plan-review-overdue = review past
plan-review-due = review due
plan-diff-added = { $kind } added: “{ $item }”
plan-diff-removed = { $kind } removed: “{ $item }”
plan-diff-changed = { $kind } “{ $item }”: { $field } { $from } → { $to }
plan-diff-plan-changed = { $field }: { $from } → { $to }
worklist-reviews = Care plans to review
worklist-reviews-hint = Plans whose review date is in the next { $days } days or past, the earliest first.
worklist-reviews-empty = No care plan is due for review.
