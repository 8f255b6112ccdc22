using Partnership.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

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
