//! Importing applications from a spreadsheet's CSV (Excel, Google Sheets,
//! Numbers, another tracker, or this app's own export).
//!
//! The steps, each pure: [`read_sheet`] turns the text into a [`Sheet`]
//! (UTF-8 with or without a byte-order mark; comma, semicolon or tab,
//! detected from the header row; RFC 4180 quoting through the `csv` crate),
//! refusing what is not a CSV with a whole sentence ([`CsvError`]);
//! [`headers::propose`] proposes a [`headers::Target`] for each column;
//! [`preview::preview`] builds the applications, the rows left out with
//! their reason, the likely duplicates and the formula-looking cells; and
//! [`preview::apply`] adds them. Cells are only ever text: nothing is
//! evaluated. Ids and `now` are passed in.

pub mod dates;
pub mod headers;
pub mod preview;
pub mod stages;
pub mod values;

#[cfg(test)]
mod preview_tests;
#[cfg(test)]
mod tests;

/// The largest CSV file read (checked against the file's size before it is
/// read): far more than any student's list of applications.
pub const MAX_CSV_FILE: usize = 2 * 1024 * 1024;
/// The most data rows imported at once.
pub const MAX_CSV_ROWS: usize = 5_000;
/// How many rows the mapping shows under the headers.
pub const SAMPLE_ROWS: usize = 3;

/// One data row: its number as the spreadsheet shows it (the header is row
/// 1) and its cells, as many as the header has columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

/// A CSV file read into a header and rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub delimiter: u8,
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

impl Sheet {
    /// "comma", "semicolon" or "tab", for the preview.
    pub fn delimiter_name(&self) -> &'static str {
        match self.delimiter {
            b';' => "semicolon",
            b'\t' => "tab",
            _ => "comma",
        }
    }

    /// The cell of `row` in `column` ("" past a short row's end).
    pub fn cell<'a>(&self, row: &'a Row, column: usize) -> &'a str {
        row.cells.get(column).map_or("", |c| c.as_str())
    }
}

/// Why a file cannot be imported; each reads as a sentence after the file's
/// name ("“x.csv” cannot be imported. …").
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("The file is empty.")]
    Empty,
    #[error("It has a header row but no rows of data under it.")]
    NoRows,
    #[error("It is {0} bytes; at most {MAX_CSV_FILE} bytes (2 MB) are read.")]
    TooLarge(usize),
    #[error("It is an Excel workbook, not a CSV file. In your spreadsheet choose File, then Save as (or Download), then CSV, and import that file.")]
    Workbook,
    #[error("It is a JSON file, not a CSV file. A Microfolio backup is restored under “Restore from a backup”.")]
    Json,
    #[error("It holds binary data, not text, so it is not a CSV file.")]
    Binary,
    #[error("It is not UTF-8 text. In Excel save it as “CSV UTF-8”; in other apps choose UTF-8 when you export.")]
    NotUtf8,
    #[error("None of its column headers is one the app knows (such as Company, Role, Status or Date applied). The first row must name the columns.")]
    NoColumns,
    #[error("It has {0} rows of data; at most {MAX_CSV_ROWS} are imported at once. Split it into smaller files.")]
    TooManyRows(usize),
    #[error("Row {row} cannot be read: {why}.")]
    Malformed { row: usize, why: String },
}

/// The delimiter the header row uses most (outside quotes): comma,
/// semicolon or tab; a comma when it has none.
pub fn detect_delimiter(text: &str) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in text.bytes() {
        match c {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => break,
            _ if !quoted => {
                if let Some(slot) = counts.iter_mut().find(|(d, _)| *d == c) {
                    slot.1 += 1;
                }
            }
            _ => {}
        }
    }
    // The first of the most used wins: a comma on a tie.
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(d, n)| if n > best.1 { (d, n) } else { best },
        )
        .0
}

/// What a file that is not a CSV at all looks like.
fn refuse_not_csv(text: &str) -> Result<(), CsvError> {
    if text.starts_with("PK\u{3}\u{4}") || text.starts_with("\u{fffd}\u{fffd}\u{11}\u{fffd}") {
        return Err(CsvError::Workbook);
    }
    if text.contains('\0') {
        return Err(CsvError::Binary);
    }
    if text.trim_start().starts_with(['{', '[']) {
        return Err(CsvError::Json);
    }
    // The browser reads a file as UTF-8 and puts U+FFFD where it is not.
    if text.contains('\u{fffd}') {
        return Err(CsvError::NotUtf8);
    }
    Ok(())
}

/// Reads a CSV file's text into a [`Sheet`]: the first row names the
/// columns, blank rows are skipped, short rows are padded with empty cells.
/// A sheet none of whose headers is known is refused ([`CsvError::NoColumns`]).
pub fn read_sheet(text: &str) -> Result<Sheet, CsvError> {
    if text.len() > MAX_CSV_FILE {
        return Err(CsvError::TooLarge(text.len()));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(CsvError::Empty);
    }
    refuse_not_csv(text)?;
    let delimiter = detect_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| CsvError::Malformed {
            row: i + 1,
            why: e.to_string(),
        })?;
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        records.push((i + 1, cells));
        if records.len() > MAX_CSV_ROWS + 1 {
            let rows = reader.records().count() + records.len() - 1;
            return Err(CsvError::TooManyRows(rows));
        }
    }
    let mut records = records.into_iter();
    let (_, headers) = records.next().ok_or(CsvError::Empty)?;
    let headers: Vec<String> = headers.iter().map(|h| h.trim().to_owned()).collect();
    let known = |h: &String| {
        !matches!(
            headers::propose_one(h),
            None | Some(headers::Target::Ignore)
        )
    };
    if !headers.iter().any(known) {
        return Err(CsvError::NoColumns);
    }
    let rows: Vec<Row> = records
        .map(|(number, mut cells)| {
            cells.resize(headers.len().max(cells.len()), String::new());
            Row { number, cells }
        })
        .collect();
    if rows.is_empty() {
        return Err(CsvError::NoRows);
    }
    Ok(Sheet {
        delimiter,
        headers,
        rows,
    })
}
