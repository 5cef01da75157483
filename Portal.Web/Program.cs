using Portal.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
await app.InitialisePortalAsync();
app.UsePortal();
await app.RunAsync();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
