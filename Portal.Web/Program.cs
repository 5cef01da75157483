using Portal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
if (AuditVerifyCommand.IsRequested(args))
    return await AuditVerifyCommand.RunAsync(app.Services, Console.Out);
await app.InitialisePortalAsync();
app.UsePortal();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
