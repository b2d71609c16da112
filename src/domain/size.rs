//! Sizes in words a student reads: "10.0 MiB (10,485,761 bytes)", and how
//! far something is over a limit. Exact byte counts are shown beside the
//! rounded figure, so a file one byte over a cap never reads as "10.0 MB;
//! files up to 10 MB can be opened".

/// `1234567` → "1,234,567".
pub fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "3.2 MiB (3,355,443 bytes)", "812 bytes".
pub fn describe(bytes: usize) -> String {
    const MIB: f64 = 1_048_576.0;
    if bytes < 100 * 1024 {
        return format!("{} bytes", grouped(bytes));
    }
    format!("{:.1} MiB ({} bytes)", bytes as f64 / MIB, grouped(bytes))
}

/// "is 10.0 MiB (10,485,761 bytes), 1 byte over the limit of 10.0 MiB
/// (10,485,760 bytes)".
pub fn over_limit(size: usize, max: usize) -> String {
    let over = size.saturating_sub(max);
    format!(
        "is {}, {} over the limit of {}",
        describe(size),
        if over == 1 {
            "1 byte".to_owned()
        } else {
            describe(over)
        },
        describe(max)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_group_digits_and_round_only_beside_the_exact_count() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
        assert_eq!(grouped(10_485_761), "10,485,761");
        assert_eq!(describe(812), "812 bytes");
        assert_eq!(describe(3 * 1_048_576), "3.0 MiB (3,145,728 bytes)");
    }

    /// Regression: a file one byte over the 10 MiB cap was refused as "is
    /// 10.0 MB; files up to 10 MB can be opened".
    #[test]
    fn one_byte_over_says_one_byte_over() {
        let max = 10 * 1024 * 1024;
        assert_eq!(
            over_limit(max + 1, max),
            "is 10.0 MiB (10,485,761 bytes), 1 byte over the limit of 10.0 MiB (10,485,760 bytes)"
        );
        assert!(over_limit(15 * 1_048_576, max).contains("5.0 MiB (5,242,880 bytes) over"));
    }
}
