using Partnership.Web.Infrastructure;

// The launch profile's environment is a default only: an environment given in the shell or on the command line wins.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = LaunchEnvironment.Default(args) });
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
