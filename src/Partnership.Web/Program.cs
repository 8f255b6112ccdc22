using Partnership.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
try
{
    builder.AddPortal();
}
catch (PortalConfigurationException e)
{
    // A missing production setting: say which, and stop before anything is opened or created.
    await Console.Error.WriteLineAsync($"The portal did not start: {e.Message}");
    return 1;
}

var app = builder.Build();
if (args.FirstOrDefault() == AdminBootstrap.Command)
{
    return await AdminBootstrap.RunAsync(app, args);
}
await app.InitializeDatabaseAsync();
app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so WebApplicationFactory can start the portal in tests.</summary>
public partial class Program;
