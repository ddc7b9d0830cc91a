using SmartLicensing.Server.AdminApi;

namespace SmartLicensing.Server.Devices;

public sealed record ProductInstanceNotFound(string IdOrUdi) : Error(ErrorKind.NotFound, "product-instance-not-found",
    $"Product instance '{IdOrUdi}' was not found by id or UDI. List the product instances with GET /api/v1/product-instances and use an id or UDI from it.");
