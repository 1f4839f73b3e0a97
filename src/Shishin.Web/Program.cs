using Shishin.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(ShishinHosting.Options(args));
builder.AddShishinWeb();
builder.ConfigureAddresses();

var app = builder.Build();
app.LogDatabase();
await app.PrepareDatabaseAsync();
app.UseShishinPipeline();
app.MapShishinEndpoints();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
