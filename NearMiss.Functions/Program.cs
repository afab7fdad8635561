using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

using NearMiss.Core;
using NearMiss.Functions.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<SecurityHeaders.WorkerMiddleware>();
builder.UseMiddleware<StorageUnavailableMiddleware>();
builder.Services.AddNearMissCore(builder.Configuration);
builder.Services.AddNearMissHttpJson();
builder.Build().Run();
