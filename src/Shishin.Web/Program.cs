using Shishin.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
builder.AddShishinWeb();

var app = builder.Build();
await app.PrepareDatabaseAsync();
app.UseShishinPipeline();
app.MapShishinEndpoints();
await app.RunAsync();

/// <summary>Entry point, public for WebApplicationFactory in tests.</summary>
public partial class Program;
