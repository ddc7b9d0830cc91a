using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Licenses;

public sealed record LicenseImportEmpty() : Error(ErrorKind.Invalid, "license-import-empty",
    "The license import has no lines. Send at least one line 'pid,quantity[,expires]' (CSV) or one entry in 'lines' (JSON).");

public sealed record LicenseImportLineInvalid(int Line, string Reason) : Error(ErrorKind.Invalid, "license-import-line-invalid",
    $"Line {Line}: {Reason} Nothing was imported; correct the line and import the whole file again.");

public sealed record LicensePidUnknown(int Line, string Pid) : Error(ErrorKind.Invalid, "license-pid-unknown",
    $"Line {Line}: PID '{Pid}' is not in the catalog. Nothing was imported; correct the PID and import the whole file again.");

public sealed record LicenseImportContentTypeUnsupported(string? ContentType) : Error(ErrorKind.UnsupportedMediaType, "license-import-content-type",
    $"Content type '{ContentType}' is not supported for a license import. Send 'text/csv' with lines 'pid,quantity[,expires]' or 'application/json' with {{\"lines\":[{{\"pid\",\"quantity\",\"expires\"}}]}}.");
