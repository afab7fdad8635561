using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

using NearMiss.Functions.Http;

namespace NearMiss.Functions.Library;

public static class LibraryResults
{
    public static ObjectResult SignInAgain() =>
        Problems.Status(StatusCodes.Status401Unauthorized, "Sign in to the library again: the session is missing, expired or invalid.");
}
