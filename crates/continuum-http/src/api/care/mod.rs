//! The care of a person through the API (issue 5, items 1 to 3): intakes,
//! care plans, contacts and group sessions, and the timeline. Everything
//! here is clinical: care workers and the medical service of the person's
//! prison only; another prison's record is 404, as an unknown id.

use crate::routes::Routes;

pub mod contacts;
pub mod intakes;

pub(crate) fn routes(routes: Routes) -> Routes {
    let routes = intakes::routes(routes);
    contacts::routes(routes)
}
