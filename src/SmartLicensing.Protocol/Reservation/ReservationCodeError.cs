namespace SmartLicensing.Protocol.Reservation;

/// <summary>Why a reservation code text could not be read.</summary>
public enum ReservationCodeProblem
{
    /// <summary>Nothing was given.</summary>
    Empty,

    /// <summary>The text does not have the form of this kind of code (prefix, separators, length).</summary>
    Malformed,

    /// <summary>The code has fewer or more characters than this kind of code has; part of it is missing or extra.</summary>
    WrongLength,

    /// <summary>A check character or the checksum does not match: a character was mistyped.</summary>
    Typo,

    /// <summary>The code is of a format version this software does not read.</summary>
    UnsupportedVersion,
}

/// <summary>A reservation code that could not be read, with a message for people.</summary>
/// <param name="Problem">What is wrong.</param>
/// <param name="Message">The whole sentence to show, naming the group or character where known.</param>
/// <param name="Group">1-based group that contains the mistyped character, or null when not known.</param>
/// <param name="Character">1-based character within <paramref name="Group"/>, or null when not known.</param>
public sealed record ReservationCodeError(ReservationCodeProblem Problem, string Message, int? Group = null, int? Character = null)
{
    public override string ToString() => Message;
}
