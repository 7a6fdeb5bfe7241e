//! Record status: the school's signed status list (issued / superseded / revoked), its maintenance and
//! the lookup of one record.

pub mod lookup;
pub mod model;
pub mod update;

pub use lookup::{lookup, StatusOutcome};
pub use model::{
    parse_status_document, RecordStatus, StatusDocument, StatusEntry, StatusList, StatusListError,
    STATUS_LIST_FORMAT,
};
pub use update::StatusUpdateError;
