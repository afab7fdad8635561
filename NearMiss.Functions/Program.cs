using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

using NearMiss.Core;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddNearMissCore(builder.Configuration);
builder.Build().Run();
