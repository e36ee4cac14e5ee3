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
## Governance (issue 7)

validation-out-of-range = Give a whole number from { $min } to { $max }.
validation-meeting-in-past = This moment has passed: a meeting is planned for a moment to come. To record a meeting that took place, choose "It took place".
validation-meeting-in-future = This meeting has not begun yet: it can be recorded as held once it has taken place.
validation-meeting-not-held = This meeting has not been held (yet): only a held meeting has attendance, minutes and decisions, and minutes are approved only once their meeting was held.
validation-approval-not-later = Minutes are approved at a later held meeting of the same group.
validation-group-may-not-decide = This group may not decide on authorisations: the central group decides them, at one of its meetings.
validation-meeting-before-submission = This meeting was held before the request was submitted.
validation-identifies-person = This text identifies a person (a national register number): write it without identifying anyone.
validation-not-a-member = Choose a member of the group.
validation-office-taken = Another member holds this office over the same period: end their term first.
validation-site-not-for-kind = The central group belongs to no prison; a local group belongs to one prison.
validation-unknown-user = No active account has this username.
validation-too-early = This date must be later.

## OAT and transfers (issue 5, items 4 and 5)
validation-dose-impossible = This dose cannot be right: check the number and the unit (milligrams a day).
validation-dose-unusual = This dose is outside the usual range for this medicine ({ $min } to { $max } mg a day). Check it, then tick the box to confirm it.
oat-title = Opioid agonist treatment
oat-open = Open the OAT record
oat-sending-team-view = The person was transferred: you see only what your prison recorded, for a limited time after the transfer.
oat-medicine = Medicine
oat-medicine-methadone = Methadone
oat-medicine-buprenorphine = Buprenorphine
oat-medicine-buprenorphine_naloxone = Buprenorphine with naloxone
oat-daily-dose = Daily dose (mg)
oat-dose-hint = Milligrams a day, for example 80 or 0.4.
oat-confirm-dose = I have checked this dose and confirm it.
oat-prescriber = Prescriber
oat-prescriber-outside = Prescriber outside
oat-start-date = Start
oat-stop-date = Stop
oat-stop-reason = Reason for stopping
oat-note = Note
oat-observed = Observed dosing
oat-observed-label = Doses are taken under observation
oat-recorded = Recorded
oat-prescriptions-title = Prison prescriptions
oat-prescriptions-none = No prescription recorded.
oat-prescribe = Record a prescription
oat-stop = Stop the prescription
oat-stop-confirm = Stop this prescription?
oat-declared-title = OAT outside, declared at entry
oat-declared-hint = A person treated outside must not be interrupted: without a prison prescription within 24 hours of entry, the medical service gets an urgent alert until the continuity is recorded.
oat-declared-none = No OAT outside was declared.
oat-declare = Record OAT declared at entry
oat-last-dose-date = Last dose taken outside
oat-declared-at = Recorded
oat-deadline = Prescription due by (UTC)
oat-continuity-status-urgent = Urgent: no prescription within 24 hours
oat-continuity-status-due = Prescription due
oat-continuity-status-prescribed = Prescribed: continuity to record
oat-record-continuity = Record the continuity
oat-continued = Continued without interruption
oat-continued-yes = Yes, without interruption
oat-continued-no = No, interrupted
oat-interruption-reason = Why interrupted
oat-if-interrupted = if interrupted
oat-interruption-not_verified = The treatment outside could not be confirmed in time
oat-interruption-late_prescription = The prescription came too late
oat-interruption-person_declined = The person declined
oat-interruption-clinical_decision = Clinical decision
oat-interruption-other = Other (say in the note)
oat-already-declared = OAT outside is already recorded for this entry.
oat-already-stopped = This prescription was already stopped.
oat-continuity-recorded = The continuity of this treatment was already recorded.
handover-already-acknowledged = This handover was already acknowledged.
worklist-oat-alerts = OAT continuity at entry
worklist-oat-alerts-hint = People who declared OAT outside at entry and whose continuity is still to record; urgent when no prison prescription followed within 24 hours.
worklist-oat-alerts-empty = No OAT continuity to follow up.

# Release planning, follow-up after release, the responsible care worker and the caseload (issue 5, items 6 to 8)
release-item-outside_service = Outside service chosen
release-item-appointment = First appointment (date and place)
release-item-oat_bridging = Bridging OAT prescription
release-item-naloxone = Naloxone
release-item-housing = Housing
release-item-health_insurance = Health insurance
release-item-contact = Contact after release
release-oat-not_on_oat = Not on OAT
release-oat-prescribed = Bridging prescription made
release-naloxone-no_opioid_use = No opioid use: not needed
release-naloxone-handed_over = Handed over
release-naloxone-declined = Offered, declined by the person
release-housing-housed = A home to go to
release-housing-sheltered = Supported or emergency accommodation arranged
release-housing-no_housing = No housing: referred to the social services
release-insurance-in_order = In order
release-insurance-requested = (Re)affiliation requested
release-insurance-not_covered = No cover possible: another arrangement is noted
release-channel-phone = Telephone
release-channel-email = E-mail
release-channel-post = Post
release-channel-through_service = Through the outside service only
follow-up-attendance-attended = Attended
follow-up-attendance-not_attended = Did not attend
follow-up-attendance-unknown = Unknown
follow-up-means-person_phone = The person, by telephone
follow-up-means-service_phone = The outside service, by telephone
follow-up-means-in_person = Meeting the person
follow-up-means-service_report = Written report of the outside service
follow-up-means-other = Another way
follow-up-refused-not-in-follow-up = The pathway is not in follow-up after release.
follow-up-refused-outstanding = Record both follow-up contacts (at 7 and 30 days) before closing the follow-up as completed.
follow-up-refused-not-a-choice = This reason follows from a transfer or a release: choose another one.
validation-before-release = This date lies before the release.
validation-not-clinical-at-site = This user is neither a care worker nor in the medical service of the person's prison.
validation-unknown-organisation = Unknown or inactive organisation.
care-team-title = Care pathway
care-team-state = Stage
care-team-responsible = Responsible care worker
care-team-nobody = Nobody
care-team-change = Change the responsible care worker
care-team-change-title = Responsible care worker
care-team-hint = A care worker or a member of the medical service of the person's prison.
care-team-history = Assignments
care-team-history-empty = Nobody has been made responsible for this pathway yet.
care-team-pathway-closed = The pathway is closed: it keeps the care worker it had.

## Consent and the psychosocial service's view (issue 6, items 1 and 5).
nav-participation = Participation
consents-title = Consents
consents-back = Back to the consents
consents-access-title = What is shared now
consents-access-help = For each recipient named in a sharing consent: what they may read today, and if not, which consent is missing. This is checked again on every request.
consents-access-none = No sharing consent has been recorded: nothing is shared outside the care team.
consents-access-now = Now
consents-history-title = Consent history
consents-empty = No consent has been recorded for this person.
consent-new = Record a consent
consent-new-title = Record a consent
consent-title = Consent
consent-kind = Kind
consent-kind-screening = Screening
consent-kind-treatment = Treatment
consent-kind-sharing = Sharing with a named recipient
consent-kind-research = Research use of pseudonymised data
consent-kind-contact_after_release = Contact after release
consent-decision = Decision
consent-decision-granted = Granted
consent-decision-refused = Refused
consent-given-on = Given on
consent-explanation-language = Language of the explanation
consent-explanation-language-hint = Two-letter code of the language the consent was explained in, e.g. nl, fr, ar.
consent-valid-from = Valid from
consent-valid-from-hint = Leave empty to start on the day given.
consent-valid-until = Valid until
consent-valid-until-hint = The last day it counts. Required for a granted sharing consent.
consent-no-end = no end
consent-period = Period
consent-standing = Now
consent-standing-in_force = In force
consent-standing-not_yet_valid = Not yet valid
consent-standing-expired = Expired
consent-standing-withdrawn = Withdrawn
consent-recorded = Recorded
consent-note = Note
consent-sharing-legend = Sharing
consent-sharing-help = Only for a sharing consent: who may read, what for, and which parts of the file.
consent-for-sharing = for sharing
consent-recipient = Recipient
consent-recipient-psychosocial_service = Psychosocial service of the prison
consent-purpose = Purpose
consent-purpose-continuity_of_care = Continuity of care
consent-purpose-care_coordination = Coordination of care
consent-purpose-persons_request = At the person's request
consent-section = Section
consent-sections = Sections shared
consent-sections-hint = The psychosocial service may only be told whether the person takes part and the status of referrals.
consent-section-participation = Participation in the programme
consent-section-referral_status = Status of referrals
consent-section-identity = Identity and contact
consent-section-screening = Screening results
consent-section-care_plan = Care plan
consent-section-medication = Medication and OAT
consent-section-risks = Risks
consent-section-appointments = Appointments
consent-record = Record the consent
consent-done-recorded = The consent was recorded.
consent-done-withdrawn = The consent was withdrawn. From now on it no longer counts.
consent-done-form = The signed form was kept.
consent-withdraw = Withdraw
consent-withdraw-title = Withdraw the consent
consent-withdraw-warning = Once withdrawn, the consent no longer counts from the next request on: whoever read on its strength is refused. This cannot be undone; record a new consent if the person agrees again.
consent-withdrawal-reason = Reason given by the person
consent-withdraw-confirm = Withdraw the consent
consent-withdrawn = Withdrawn
consent-already-withdrawn = This consent was already withdrawn.
consent-signed-form = Signed form
consent-no-form = No signed form uploaded.
consent-form-upload = Upload the signed form
consent-form-hint = A scanned PDF of at most { $mb } MB.
consent-form-send = Upload
consent-form-unreadable = The upload could not be read. Choose the PDF file again.
consent-allowed-by = yes, by consent { $consent }.
consent-missing-none = no: { $recipient } has no consent for { $section }.
consent-missing-section = no: the consent for { $recipient } (consent { $consent }) does not cover { $section }.
consent-missing-refused = no: the person refused to share { $section } with { $recipient } (consent { $consent }).
consent-missing-withdrawn = no: the consent to share { $section } with { $recipient } was withdrawn (consent { $consent }).
consent-missing-expired = no: the consent to share { $section } with { $recipient } has expired (consent { $consent }).
consent-missing-not-yet-valid = no: the consent to share { $section } with { $recipient } is not valid yet (consent { $consent }).
participation-title = Participation in the programme
participation-help = The people of your prison who consented to share with the psychosocial service whether they take part in the programme. Nothing else of their file is shown.
participation-empty = Nobody has consented to share their participation with the psychosocial service.
participation-column = Takes part
participation-takes_part = Takes part
participation-does_not_take_part = Does not take part
participation-takes-part-since = Takes part since { $date }
participation-back = Back to the list
participation-only-this = Shown with the person's consent. The psychosocial service sees only whether the person takes part, never clinical content.
validation-not-for-recipient = The psychosocial service may only be told whether the person takes part and the status of referrals, never clinical content.
validation-not-pdf = This is not a PDF file.
validation-file-too-large = The file is larger than { $mb } MB.
validation-opening-hours = Write the hours as 09:00-12:00, 13:00-17:00, or leave the day empty when closed.

## The directory of care providers (issue 6, item 2).
nav-directory = Directory of care providers
directory-title = Directory of care providers
directory-help = Outside services people can be referred to: drug services, OAT prescribers, GPs, mental health, housing, CAW and CPAS, with the prisons they cover, their languages, how to reach them and when.
directory-search-label = Search the directory
directory-search = Name of the service or organisation contains
directory-all-kinds = All kinds
directory-all-sites = All prisons
directory-all-languages = All languages
directory-include-inactive = Also services no longer in use
directory-none-found = No service matches this search.
directory-empty = The directory holds no service yet.
directory-back = Back to the directory
service-new = New service
service-new-title = New service
service-edit-title = Edit the service
service-list-title = Services in the directory
service-none = This organisation has no service in the directory.
service-organisation = Organisation
service-sites = Prisons covered
service-covers = Covers the prison
service-address = Postal address
service-phone = Phone
service-website = Web site
service-contact-hint = A phone number or an e-mail address is required.
service-hours = Opening hours
service-hours-hint = Per day, e.g. 09:00-12:00, 13:00-17:00. Leave a day empty when it is closed.
service-hours-note = Note on the hours
service-closed = Closed
service-kind-drug_service = Drug service
service-kind-oat_prescriber = OAT prescriber
service-kind-general_practitioner = General practitioner
service-kind-mental_health = Mental health care
service-kind-housing = Housing
service-kind-social_welfare = CAW / CPAS (social welfare)
weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday

## Referrals and the outside providers' portal (issue 6, items 3 and 4)
nav-referrals = Referrals
nav-portal = Referred people
referrals-title = Referrals
referrals-help = The referrals of the people of your prison to outside services, the newest first. Overdue referrals are marked.
referrals-portal-title = People referred to your organisation
referrals-portal-help = The people referred to your organisation, only while their consent to share with it is in force, and only what that consent covers.
referrals-all-statuses = All statuses
referrals-overdue-only = Overdue only
referrals-empty = No referral to show.
person-referrals-title = Referrals
person-referrals-empty = This person has no referral yet.
# The psychosocial service's view of referral status (issue 6, item 5).
participation-referrals = Referrals
participation-referrals-none = No referral sent.
participation-referral-status = Status
participation-referral-sent-on = Sent on
participation-referral-since = Since
referral-new = New referral
referral-new-title = New referral
referral-title = Referral
referral-service = Service
referral-reason = Reason for the referral
referral-reason-hint = What the person needs from the service.
referral-urgency = Urgency
referral-urgency-routine = Routine
referral-urgency-urgent = Urgent
referral-urgency-asap = As soon as possible
referral-sections = What is shared
referral-sections-hint = Who the person is is always shared. The referral can only be sent once the person's consent to share each part with the service's organisation is recorded.
referral-save-draft = Save as draft
referral-coverage-title = This service may not suit the person:
referral-confirm-coverage = Refer to this service all the same
referral-coverage-confirmed = Confirmed although
referral-warning-prison_not_covered = the service does not cover the person's prison.
referral-warning-language_not_spoken = the service does not work in any of the person's languages.
referral-status-draft = Draft
referral-status-sent = Sent
referral-status-accepted = Accepted
referral-status-refused = Refused
referral-status-appointment_made = Appointment made
referral-status-attended = Attended
referral-status-not_attended = Not attended
referral-status-closed = Closed
referral-step = Step
referral-step-send = Send
referral-step-accept = Accept
referral-step-refuse = Refuse
referral-step-appointment = Give the appointment
referral-step-attended = The person came
referral-step-not_attended = The person did not come
referral-step-close = Close the referral
referral-event-create = Written
referral-party-care_team = care team
referral-party-provider = outside service
referral-overdue-unanswered = Overdue: no answer from the service
referral-overdue-no_appointment = Overdue: no appointment yet
referral-overdue-attendance_unrecorded = Overdue: attendance not recorded
referral-appointment = Appointment
referral-appointment-at = Day and time of the appointment
referral-appointment-at-hint = Belgian time, e.g. 2026-06-10 14:30
referral-place = Place
referral-note = Note
referral-refuse-reason = Why the service refuses
referral-send = Send to the service
referral-send-hint = Sending checks the person's consent for each part shared; the service then sees the referral.
referral-steps-title = Answer of the service
referral-consent-title = Consent for what is shared
referral-consent-help = Whether the person's consents let the service's organisation read each part now.
referral-shared-title = What the person agreed to share with you
referral-shared-help = Only the parts the person's consent covers today are shown.
referral-shared-screening-none = No completed screening.
referral-shared-medication-none = No opioid agonist treatment running.
referral-shared-appointments-none = No appointment yet.
referral-shared-dose = { $dose } mg a day since { $date }
referral-screening-positive = positive
referral-screening-negative = negative
referral-history = History
referral-when = When
referral-change = Change
referral-by = By
referral-detail = Detail
referral-done-created = The referral is saved as a draft.
referral-done-sent = The referral is sent to the service.
referral-done-step = The referral is updated.
referral-close-title = Close the referral
referral-close-reason = Why the referral is closed
referral-close-warning = A closed referral cannot be reopened; write a new referral if needed.
referral-close-confirm = Close the referral
referral-step-not-from-status = This step is not possible in the referral's present status.
referral-step-care-team-only = Only the care team of the person's prison takes this step.
referral-step-before-appointment = Attendance can be recorded once the appointment's time has come.
referral-changed = Someone changed this referral meanwhile. Look at it again before changing it.
validation-identity-required = A referral always shares who the person is: tick it.
validation-consent-missing = A consent is missing for what is shared.
validation-coverage-to-confirm = Confirm that you refer the person to this service all the same.
validation-organisation-required = An outside provider's account needs its organisation.
worklist-referrals-overdue = Overdue referrals
worklist-referrals-overdue-hint = Sent without an answer, accepted without an appointment, or an appointment past without attendance recorded.
worklist-referrals-overdue-empty = No referral is overdue.
worklist-referrals-overdue-count = Overdue: { $count }
worklist-referrals-overdue-all = All overdue referrals
