using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartLicensing.Catalog;
using SmartLicensing.Server.AdminApi;
using SmartLicensing.Server.Alerts;
using SmartLicensing.Server.Clock;
using SmartLicensing.Server.Compliance;
using SmartLicensing.Server.Leases;
using SmartLicensing.Server.Pki;
using SmartLicensing.Server.Storage;
using SmartLicensing.Server.DeviceEndpoint;

namespace SmartLicensing.Server.Hosting;

/// <summary>Composition root of the License Authority: HTTPS host, store, Admin API and device endpoint.</summary>
public static class AuthorityHost
{
    /// <summary>Runs the server as the overload below does, with the reason it cannot start on <paramref name="output"/> too.</summary>
    public static Task<int> RunAsync(AuthorityOptions options, TextWriter output, CancellationToken cancellationToken) =>
        RunAsync(options, output, output, cancellationToken);

    /// <summary>
    /// Builds, starts and runs the server until <paramref name="cancellationToken"/> is cancelled or
    /// the process gets Ctrl+C or SIGTERM. Returns 0 after a normal stop. Returns 1 when the
    /// server cannot start, after writing the reason as one line to <paramref name="error"/>.
    /// </summary>
    public static async Task<int> RunAsync(AuthorityOptions options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        WebApplication app;
        try
        {
            app = Build(options, TimeProvider.System, output);
        }
        catch (AuthorityStartException ex)
        {
            await error.WriteLineAsync("Error: " + ex.Message);
            return 1;
        }

        await using (app)
        {
            var failure = await StartAsync(app, options, cancellationToken);
            if (failure is not null)
            {
                await error.WriteLineAsync("Error: " + failure);
                return 1;
            }

            await app.WaitForShutdownAsync(cancellationToken);
            return 0;
        }
    }

    /// <summary>
    /// Builds the server without starting it. Start it with <c>StartAsync</c>; it then prints
    /// <c>Now listening on: &lt;url&gt;</c> to <paramref name="output"/> and writes admin.env.
    /// </summary>
    /// <exception cref="AuthorityStartException">The listen address, the database connection string or the catalog file is invalid, or the data folder cannot be used.</exception>
    public static WebApplication Build(AuthorityOptions options, TimeProvider timeProvider, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(output);

        var listen = ListenEndpoint.Parse(options.Listen);
        if (string.IsNullOrWhiteSpace(options.AccountName))
        {
            throw new AuthorityStartException("The smart account name is empty. Give a name for the account created at first start.");
        }

        var catalog = LoadCatalog(options.CatalogFile);
        var dataDirectory = PrepareDataDirectory(options.DataDirectory);
        var labClock = options.LabClock ? LoadLabClock(timeProvider, dataDirectory) : null;
        var systemClock = timeProvider;
        timeProvider = labClock ?? timeProvider;
        var store = options.Database is null ? StoreSettings.Sqlite(dataDirectory) : StoreSettings.Postgres(options.Database);

        // TLS and signing certificates follow the system clock, which admin clients use; only
        // what devices are given (ID certificates, authorizations) follows the lab clock.
        var credentials = LoadCredentials(dataDirectory, HostNames(options, listen), systemClock, timeProvider);

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(AuthorityHost).Assembly.GetName().Name,
            ContentRootPath = dataDirectory,

            // The content root is the data folder, where the store's files change on every commit.
            // Watching it for configuration changes would wake a thread for each write.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });

        ConfigureLogging(builder.Logging);
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(listen.Address, listen.Port, endpoint => endpoint.UseHttps(credentials.ServerTlsCertificate));
        });

        var services = builder.Services;
        services.AddSingleton(timeProvider);
        services.AddSingleton(credentials);
        services.AddSingleton(catalog);
        services.AddSingleton(new AuthorityStartupSettings(dataDirectory, options.AccountName, listen, output));
        services.AddLicensingStore(store);
        services.AddSingleton<AuthorityStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<AuthorityStartup>());
        services.AddDatabaseLease();
        services.AddCompliance();
        if (labClock is not null)
        {
            services.AddSingleton(labClock);
            services.AddHostedService<LabClockNotice>();
        }

        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = AddDefaultCode);
        services.AddExceptionHandler<StoreUnavailableHandler>();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<ApiKeySecurityTransformer>());
        services.AddAdminApi();
        services.AddDeviceEndpoint();

        var app = builder.Build();
        app.Use(DropHeadBodyAsync);
        app.UseDeviceEndpoint();
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Called here, after the device endpoint, so device messages skip route matching.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapOpenApi();
        var adminApi = app.MapAdminApi();
        adminApi.MapClockEndpoints();
        adminApi.MapAlertEndpoints();
        app.MapDeviceEndpoint();
        return app;
    }

    /// <summary>Starts a built server; returns null on success or the one-line reason it could not start.</summary>
    private static async Task<string?> StartAsync(WebApplication app, AuthorityOptions options, CancellationToken cancellationToken)
    {
        if (ListenProbe.IsInUse(ListenEndpoint.Parse(options.Listen)))
        {
            return AddressInUse(options);
        }

        try
        {
            // Prepared here rather than by the host, which would log the whole exception of a
            // failure ahead of the one-line reason.
            await app.Services.GetRequiredService<AuthorityStartup>().PrepareStoreAsync(cancellationToken);
            await app.StartAsync(cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is AddressInUseException || ex.InnerException is AddressInUseException)
        {
            return AddressInUse(options);
        }
        catch (IOException ex)
        {
            return $"Cannot listen on {options.Listen}: {ex.Message}";
        }
        catch (SocketException ex)
        {
            return $"Cannot listen on {options.Listen}: {ex.Message}";
        }
        catch (AuthorityStartException ex)
        {
            return ex.Message;
        }
        catch (SqliteException ex)
        {
            return $"Cannot open the database {Path.Combine(Path.GetFullPath(options.DataDirectory), SqliteStore.FileName)}: {ex.Message}";
        }
    }

    private static string AddressInUse(AuthorityOptions options) =>
        $"Cannot listen on {options.Listen}: the address is already in use. Stop the program that uses it or choose another port.";

    private static string PrepareDataDirectory(string directory)
    {
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new AuthorityStartException("The data folder is empty. Give the folder for the database, keys and admin.env.");
        }

        var fullPath = Path.GetFullPath(directory);
        try
        {
            Directory.CreateDirectory(fullPath);

            // Fail now, with the folder named, rather than on the first write of a key or the database.
            var probe = Path.Combine(fullPath, $".write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new AuthorityStartException($"Cannot use data folder '{fullPath}': {ex.Message} Choose a folder this user can create and write.", ex);
        }

        return fullPath;
    }

    private static ProductCatalog LoadCatalog(string? catalogFile)
    {
        if (catalogFile is null)
        {
            return CatalogLoader.BuiltIn;
        }

        try
        {
            return CatalogLoader.LoadFile(Path.GetFullPath(catalogFile));
        }
        catch (CatalogException ex)
        {
            throw new AuthorityStartException($"Cannot load the product catalog: {ex.Message}", ex);
        }
    }

    private static LabClock LoadLabClock(TimeProvider timeProvider, string dataDirectory)
    {
        try
        {
            return LabClock.Load(timeProvider, dataDirectory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new AuthorityStartException($"Cannot load the lab clock: {ex.Message}", ex);
        }
    }

    private static ServerCredentials LoadCredentials(string dataDirectory, IReadOnlyList<string> hostNames, TimeProvider systemClock, TimeProvider labClock)
    {
        try
        {
            return ServerCredentials.LoadOrCreate(dataDirectory, hostNames, systemClock, labClock);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new AuthorityStartException($"Cannot load or create the server keys in '{dataDirectory}': {ex.Message} Restore the key files or start with an empty data folder.", ex);
        }
    }

    private static List<string> HostNames(AuthorityOptions options, ListenEndpoint listen)
    {
        var names = new List<string> { "localhost", "127.0.0.1", "::1" };
        if (!listen.IsAnyAddress)
        {
            names.Add(listen.Address.ToString());
        }

        names.AddRange(options.ServerHostNames);
        return names.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }

    private static void ConfigureLogging(ILoggingBuilder logging)
    {
        logging.ClearProviders();
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            console.UseUtcTimestamp = true;
        });
        logging.SetMinimumLevel(LogLevel.Information);

        // The host prints its own listening line; framework detail is only for warnings.
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System", LogLevel.Warning);

        // EF Core logs every failed command as an error, and on a new PostgreSQL database its
        // migrator runs two such commands on purpose, which made a good first start look failed.
        // A failed command during a request reaches the code that handles it, which logs it.
        logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None);

        // The framework's handler base logs every rejected key at Information under the handler's name.
        // The Admin API logs its own warning for it under another category, so one line is enough.
        logging.AddFilter(typeof(ApiKeyAuthenticationHandler).FullName, LogLevel.Warning);
    }

    /// <summary>
    /// Discards the body written for a response to HEAD. The problem responses write one, and
    /// over HTTP/2 it reached the client as stream data, which curl rejects as a protocol error.
    /// </summary>
    private static Task DropHeadBodyAsync(HttpContext context, RequestDelegate next)
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Body = Stream.Null;
        }

        return next(context);
    }

    /// <summary>Gives every problem response a <c>code</c>, also those the framework writes (404 route, 400 body, 500).</summary>
    private static void AddDefaultCode(ProblemDetailsContext context)
    {
        var extensions = context.ProblemDetails.Extensions;
        if (extensions.ContainsKey(ProblemMapper.CodeExtension))
        {
            return;
        }

        var (code, detail) = context.ProblemDetails.Status switch
        {
            StatusCodes.Status400BadRequest => ("request-invalid", "The request is not valid: a parameter or the JSON body does not match the operation. Check it against /openapi/v1.json."),
            StatusCodes.Status404NotFound => ("route-not-found", $"No operation at '{context.HttpContext.Request.Path}'. Check the path against /openapi/v1.json."),
            StatusCodes.Status405MethodNotAllowed when DeviceEndpointExtensions.IsDevicePath(context.HttpContext.Request.Path) => ("method-not-allowed", $"'{context.HttpContext.Request.Method}' is not allowed on '{context.HttpContext.Request.Path}'. Devices send their messages to this path with POST."),
            StatusCodes.Status405MethodNotAllowed => ("method-not-allowed", $"'{context.HttpContext.Request.Method}' is not allowed on '{context.HttpContext.Request.Path}'. Check the method against /openapi/v1.json."),
            StatusCodes.Status415UnsupportedMediaType => ("content-type-unsupported", $"Content type '{context.HttpContext.Request.ContentType}' is not accepted by '{context.HttpContext.Request.Path}'. The operation in /openapi/v1.json lists the accepted types."),
            StatusCodes.Status500InternalServerError => ("internal-error", "The server failed while processing the request. The server log has the details."),
            _ => ("http-" + context.ProblemDetails.Status, context.ProblemDetails.Detail),
        };
        extensions[ProblemMapper.CodeExtension] = code;
        context.ProblemDetails.Detail ??= detail;
    }
}
