// Generated from spec/mock-control/openapi.yaml by scripts/generate-control-spec.ts. Do not edit.
import type { OpenApiDoc } from "../spec/openapi.js";

export const controlSpec: OpenApiDoc = {
  "openapi": "3.1.0",
  "info": {
    "title": "voicetask-mock control API",
    "version": "0.1.0",
    "license": {
      "name": "Apache-2.0",
      "identifier": "Apache-2.0"
    },
    "description": "The control API of `voicetask-mock`, the local TRTC + Chime SDK Voice service. It is served on the same\nport as the mocked providers, under the reserved prefix `/_mock/`, and needs no signature.\n\nTest suites use it to reset state, look at the tasks the mock holds, read the request journal (secrets\nredacted), inject faults into single operations and move the mock's clock forward. The mock validates\nevery control request against this document and answers problems with 400 and an `Error` body.\n\nState is kept per account: the TRTC SecretId or the AWS access key id that signed the request. Most\nroutes take an optional `account` to act on one account only, so parallel suites using different keys\ndo not disturb each other."
  },
  "security": [],
  "servers": [
    {
      "url": "http://127.0.0.1:4010",
      "description": "The default address of `voicetask-mock`."
    }
  ],
  "tags": [
    {
      "name": "Routes",
      "description": "What the control API offers."
    },
    {
      "name": "State",
      "description": "Reset and inspect the mock's task state."
    },
    {
      "name": "Journal",
      "description": "The requests the mock has answered, newest last, secrets redacted."
    },
    {
      "name": "Faults",
      "description": "Per-operation fault injection (latency, error codes, dropped connections, failure rates)."
    },
    {
      "name": "Clock",
      "description": "The mock's clock, which drives task transitions, rate-limit windows, signature windows and the `Date` header."
    }
  ],
  "paths": {
    "/_mock": {
      "get": {
        "operationId": "listRoutes",
        "tags": [
          "Routes"
        ],
        "summary": "List the control routes",
        "description": "Every route of this control API, in the order of this document: method, path, operation name and\nsummary. Open `http://127.0.0.1:4010/_mock/` in a browser or with curl to find your way around (with or\nwithout the trailing slash).",
        "responses": {
          "200": {
            "description": "The routes.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RouteList"
                },
                "examples": {
                  "firstRoutes": {
                    "summary": "The first two routes",
                    "value": {
                      "routes": [
                        {
                          "method": "GET",
                          "path": "/_mock",
                          "operationId": "listRoutes",
                          "summary": "List the control routes"
                        },
                        {
                          "method": "POST",
                          "path": "/_mock/reset",
                          "operationId": "reset",
                          "summary": "Reset the mock"
                        }
                      ]
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      }
    },
    "/_mock/reset": {
      "post": {
        "operationId": "reset",
        "tags": [
          "State"
        ],
        "summary": "Reset the mock",
        "description": "Forgets tasks, journal entries, rate-limit windows and faults, and sets the clock offset back to zero.\nWith `account`, forgets only that account's tasks and journal entries (faults, the clock and\nrate-limit windows are shared and stay as they are).",
        "requestBody": {
          "required": false,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ResetRequest"
              },
              "examples": {
                "everything": {
                  "summary": "Reset everything",
                  "value": {}
                },
                "oneAccount": {
                  "summary": "Reset one account",
                  "value": {
                    "account": "AKIDvoicetaskDEMO"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "204": {
            "description": "The mock was reset."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      }
    },
    "/_mock/tasks": {
      "get": {
        "operationId": "listTasks",
        "tags": [
          "State"
        ],
        "summary": "List tasks",
        "description": "The tasks the mock holds right now, with their status at the current mock time. TRTC tasks that have\nbeen cleaned up and Chime tasks past their retention are not listed.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Account"
          },
          {
            "name": "provider",
            "in": "query",
            "required": false,
            "description": "Only tasks of this provider.",
            "schema": {
              "type": "string",
              "enum": [
                "trtc",
                "chime"
              ]
            },
            "example": "trtc"
          }
        ],
        "responses": {
          "200": {
            "description": "The tasks.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/TaskList"
                },
                "examples": {
                  "oneEach": {
                    "summary": "One TRTC and one Chime task",
                    "value": {
                      "trtc": [
                        {
                          "taskId": "v2_20250224_udqgoOzzpAFOoiXR_sHbeVCwys3hy0PLs1uRLvS7wY9mjZMEIQuDPhT",
                          "account": "AKIDvoicetaskDEMO",
                          "region": "ap-singapore",
                          "status": "InProgress",
                          "sdkAppId": 1400000001,
                          "roomId": "room_1",
                          "userId": "robot_1",
                          "targetUserId": "user_1",
                          "createdAt": "2025-02-24T08:00:00.000Z",
                          "endsAt": "2025-02-24T08:01:01.000Z",
                          "commands": 0
                        }
                      ],
                      "chime": [
                        {
                          "taskId": "0b9d6e3a-5f21-4c8e-b7a4-91d2e6f03c58",
                          "account": "AKIAVOICETASKDEMO",
                          "region": "us-east-1",
                          "status": "IN_PROGRESS",
                          "voiceConnectorId": "abcdef1ghij2klmno3pqr4",
                          "transactionId": "7d3e1a52-9c4b-4f0e-8a61-2b5d9c0e4f17",
                          "voiceProfileDomainId": "2f6c8e14-3b7a-4d59-9e02-6a1b4c7d8e90",
                          "createdAt": "2025-02-24T08:00:00.000Z"
                        }
                      ]
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      }
    },
    "/_mock/journal": {
      "get": {
        "operationId": "getJournal",
        "tags": [
          "Journal"
        ],
        "summary": "Read the request journal",
        "description": "The provider requests the mock has answered (at most the last 1000), oldest first. Secrets are\nredacted (`[redacted]`): in `Authorization` the signature is removed and the key id masked; `X-TC-Token`,\n`X-Amz-Security-Token` and cookies are hidden; so is every body member named like `*Key`, `*Secret*`,\n`*Token*`, `*Signature*`, `*Password*`, `UserSig` or `Authorization`, also inside JSON strings such as\n`LLMConfig`.",
        "parameters": [
          {
            "$ref": "#/components/parameters/Account"
          },
          {
            "name": "operation",
            "in": "query",
            "required": false,
            "description": "Only requests of this operation (e.g. `StartAIConversation`).",
            "schema": {
              "type": "string",
              "minLength": 1
            },
            "example": "StartAIConversation"
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "Only the last `limit` entries.",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000
            },
            "example": 20
          }
        ],
        "responses": {
          "200": {
            "description": "The journal entries.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Journal"
                },
                "examples": {
                  "oneRequest": {
                    "summary": "One StopAIConversation",
                    "value": {
                      "entries": [
                        {
                          "requestId": "4f6c2a9e-8d1b-4e3a-b7c5-0a9d8e7f6c5b",
                          "time": "2025-02-24T08:00:00.000Z",
                          "provider": "trtc",
                          "operation": "StopAIConversation",
                          "account": "AKIDvoicetaskDEMO",
                          "method": "POST",
                          "path": "/",
                          "status": 200,
                          "errorCode": "FailedOperation.TaskNotExist",
                          "durationMs": 0.42,
                          "headers": {
                            "authorization": "TC3-HMAC-SHA256 Credential=****DEMO/2025-02-24/trtc/tc3_request, SignedHeaders=content-type;host, Signature=[redacted]",
                            "x-tc-action": "StopAIConversation"
                          },
                          "body": {
                            "TaskId": "v2_20250224_udqgoOzzpAFOoiXR_sHbeVCwys3hy0PLs1uRLvS7wY9mjZMEIQuDPhT"
                          },
                          "bodyBytes": 78
                        }
                      ]
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      },
      "delete": {
        "operationId": "clearJournal",
        "tags": [
          "Journal"
        ],
        "summary": "Clear the request journal",
        "description": "Forgets the journal entries (of one account with `account`).",
        "parameters": [
          {
            "$ref": "#/components/parameters/Account"
          }
        ],
        "responses": {
          "204": {
            "description": "The journal was cleared."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      }
    },
    "/_mock/faults": {
      "get": {
        "operationId": "listFaults",
        "tags": [
          "Faults"
        ],
        "summary": "List injected faults",
        "description": "The faults in force, with how many requests each has affected.",
        "responses": {
          "200": {
            "description": "The faults.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/FaultList"
                },
                "examples": {
                  "one": {
                    "summary": "One throttling fault",
                    "value": {
                      "faults": [
                        {
                          "operation": "StopAIConversation",
                          "errorCode": "RequestLimitExceeded",
                          "times": 2,
                          "hits": 1
                        }
                      ]
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      },
      "delete": {
        "operationId": "clearFaults",
        "tags": [
          "Faults"
        ],
        "summary": "Remove every fault",
        "description": "Removes every injected fault.",
        "responses": {
          "204": {
            "description": "No fault is in force any more."
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      }
    },
    "/_mock/faults/{operation}": {
      "parameters": [
        {
          "name": "operation",
          "in": "path",
          "required": true,
          "description": "The operation (TRTC action or Chime operation id) the fault applies to.",
          "schema": {
            "type": "string",
            "minLength": 1
          },
          "example": "StopAIConversation"
        }
      ],
      "put": {
        "operationId": "setFault",
        "tags": [
          "Faults"
        ],
        "summary": "Inject a fault into one operation",
        "description": "Sets (replaces) the fault of one operation. A fault applies after authentication and rate limiting,\nbefore input validation: it can delay the answer (`latencyMs`), answer with a provider error\n(`errorCode`: a TRTC error code, answered as HTTP 200 with `Response.Error`; or a Chime error shape\nname, answered with its status from the spec, or `httpStatus`), or close the connection without an\nanswer (`drop`). `rate` makes it apply to a share of requests, drawn from a PRNG seeded by `seed`, and\n`times` limits how many requests it affects. The operation must exist in one of the specs.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/FaultSpec"
              },
              "examples": {
                "throttleTwice": {
                  "summary": "Answer the next two StopAIConversation calls with RequestLimitExceeded",
                  "value": {
                    "errorCode": "RequestLimitExceeded",
                    "times": 2
                  }
                },
                "flaky": {
                  "summary": "Half of the requests fail with ServiceUnavailableException after 200 ms",
                  "value": {
                    "latencyMs": 200,
                    "errorCode": "ServiceUnavailableException",
                    "rate": 0.5,
                    "seed": 42
                  }
                },
                "drop": {
                  "summary": "Drop the connection once",
                  "value": {
                    "drop": true,
                    "times": 1
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The fault now in force.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Fault"
                },
                "examples": {
                  "set": {
                    "summary": "A throttling fault",
                    "value": {
                      "operation": "StopAIConversation",
                      "errorCode": "RequestLimitExceeded",
                      "times": 2,
                      "hits": 0
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      },
      "delete": {
        "operationId": "deleteFault",
        "tags": [
          "Faults"
        ],
        "summary": "Remove the fault of one operation",
        "description": "Removes the fault of one operation.",
        "responses": {
          "204": {
            "description": "The fault was removed."
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/_mock/clock": {
      "get": {
        "operationId": "getClock",
        "tags": [
          "Clock"
        ],
        "summary": "Read the mock clock",
        "description": "The mock's current time and how far it is ahead of the real clock.",
        "responses": {
          "200": {
            "description": "The clock.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Clock"
                },
                "examples": {
                  "ahead": {
                    "summary": "One minute ahead",
                    "value": {
                      "now": "2025-02-24T08:01:00.000Z",
                      "offsetMs": 60000
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      }
    },
    "/_mock/clock/advance": {
      "post": {
        "operationId": "advanceClock",
        "tags": [
          "Clock"
        ],
        "summary": "Move the mock clock forward",
        "description": "Moves mock time forward by `ms`. Task transitions (TRTC Preparing → InProgress after 1 s, cleanup 5 s\nafter Stopped; Chime IN_QUEUE → IN_PROGRESS after 1 s), rate-limit windows, the 5-minute signature\nwindow and the `Date` header all follow. Signed requests must use the mock's time (clients correct\ntheir skew from the `Date` header).",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AdvanceRequest"
              },
              "examples": {
                "oneSecond": {
                  "summary": "Let a TRTC task reach InProgress",
                  "value": {
                    "ms": 1000
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The clock after the move.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Clock"
                },
                "examples": {
                  "moved": {
                    "summary": "One second ahead",
                    "value": {
                      "now": "2025-02-24T08:00:01.000Z",
                      "offsetMs": 1000
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          }
        }
      }
    }
  },
  "components": {
    "parameters": {
      "Account": {
        "name": "account",
        "in": "query",
        "required": false,
        "description": "Only this account (a TRTC SecretId or an AWS access key id).",
        "schema": {
          "type": "string",
          "minLength": 1
        },
        "example": "AKIDvoicetaskDEMO"
      }
    },
    "responses": {
      "BadRequest": {
        "description": "The control request does not match this document.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "examples": {
              "badField": {
                "summary": "A wrong member",
                "value": {
                  "error": {
                    "code": "BadRequest",
                    "message": "/ms must be >= 0"
                  }
                }
              }
            }
          }
        }
      },
      "NotFound": {
        "description": "The operation or fault does not exist.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            },
            "examples": {
              "unknownOperation": {
                "summary": "An operation no spec has",
                "value": {
                  "error": {
                    "code": "NotFound",
                    "message": "No operation StopEverything in the TRTC or Chime SDK Voice specs."
                  }
                }
              }
            }
          }
        }
      }
    },
    "schemas": {
      "RouteList": {
        "type": "object",
        "description": "The routes of the control API.",
        "required": [
          "routes"
        ],
        "additionalProperties": false,
        "properties": {
          "routes": {
            "type": "array",
            "description": "One entry per method and path.",
            "items": {
              "$ref": "#/components/schemas/Route"
            }
          }
        }
      },
      "Route": {
        "type": "object",
        "description": "One route of the control API.",
        "required": [
          "method",
          "path",
          "operationId",
          "summary"
        ],
        "additionalProperties": false,
        "properties": {
          "method": {
            "type": "string",
            "enum": [
              "GET",
              "POST",
              "PUT",
              "DELETE"
            ],
            "description": "The HTTP method."
          },
          "path": {
            "type": "string",
            "description": "The path, with `{labels}` for its variable parts."
          },
          "operationId": {
            "type": "string",
            "description": "The operation's name in this document."
          },
          "summary": {
            "type": "string",
            "description": "What the route does, in a few words."
          }
        }
      },
      "Error": {
        "type": "object",
        "description": "A control API error.",
        "required": [
          "error"
        ],
        "additionalProperties": false,
        "properties": {
          "error": {
            "type": "object",
            "description": "The error.",
            "required": [
              "code",
              "message"
            ],
            "additionalProperties": false,
            "properties": {
              "code": {
                "type": "string",
                "enum": [
                  "BadRequest",
                  "NotFound",
                  "InternalError"
                ],
                "description": "What went wrong."
              },
              "message": {
                "type": "string",
                "description": "Details, naming the member at fault."
              }
            }
          }
        }
      },
      "ResetRequest": {
        "type": "object",
        "description": "What to reset.",
        "additionalProperties": false,
        "properties": {
          "account": {
            "type": "string",
            "minLength": 1,
            "description": "Reset only this account's tasks and journal entries."
          }
        }
      },
      "AdvanceRequest": {
        "type": "object",
        "description": "How far to move the clock.",
        "required": [
          "ms"
        ],
        "additionalProperties": false,
        "properties": {
          "ms": {
            "type": "integer",
            "minimum": 0,
            "maximum": 31536000000,
            "description": "Milliseconds to move forward (at most one year per call)."
          }
        }
      },
      "Clock": {
        "type": "object",
        "description": "The mock clock.",
        "required": [
          "now",
          "offsetMs"
        ],
        "additionalProperties": false,
        "properties": {
          "now": {
            "type": "string",
            "format": "date-time",
            "description": "Mock time, ISO 8601."
          },
          "offsetMs": {
            "type": "integer",
            "minimum": 0,
            "description": "How far mock time is ahead of real time."
          }
        }
      },
      "FaultSpec": {
        "type": "object",
        "description": "A fault to inject; at least one of `latencyMs`, `errorCode`, `drop`.",
        "additionalProperties": false,
        "minProperties": 1,
        "anyOf": [
          {
            "required": [
              "latencyMs"
            ]
          },
          {
            "required": [
              "errorCode"
            ]
          },
          {
            "required": [
              "drop"
            ]
          }
        ],
        "properties": {
          "latencyMs": {
            "type": "integer",
            "minimum": 0,
            "maximum": 600000,
            "description": "Extra delay before the answer, in ms (real time)."
          },
          "errorCode": {
            "type": "string",
            "minLength": 1,
            "maxLength": 128,
            "description": "A TRTC error code (e.g. `RequestLimitExceeded`) or a Chime error shape name (e.g. `ServiceUnavailableException`)."
          },
          "errorMessage": {
            "type": "string",
            "maxLength": 1024,
            "description": "The message of the injected error."
          },
          "httpStatus": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599,
            "description": "Chime only; the status of an error shape the operation does not list."
          },
          "drop": {
            "type": "boolean",
            "description": "Close the connection without an answer."
          },
          "rate": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Share of requests affected, default 1."
          },
          "times": {
            "type": "integer",
            "minimum": 1,
            "description": "How many requests the fault affects at most; unlimited when absent."
          },
          "seed": {
            "type": "integer",
            "description": "Seed of the PRNG used with `rate`, default 1."
          }
        }
      },
      "Fault": {
        "description": "A fault in force.",
        "allOf": [
          {
            "$ref": "#/components/schemas/FaultSpecFields"
          },
          {
            "type": "object",
            "required": [
              "operation",
              "hits"
            ],
            "properties": {
              "operation": {
                "type": "string",
                "description": "The operation it applies to."
              },
              "hits": {
                "type": "integer",
                "minimum": 0,
                "description": "How many requests it has affected."
              }
            }
          }
        ]
      },
      "FaultSpecFields": {
        "type": "object",
        "description": "The members of FaultSpec, without its constraints on which are present.",
        "properties": {
          "latencyMs": {
            "type": "integer",
            "minimum": 0,
            "description": "Extra delay in ms."
          },
          "errorCode": {
            "type": "string",
            "description": "The injected error code."
          },
          "errorMessage": {
            "type": "string",
            "description": "The injected message."
          },
          "httpStatus": {
            "type": "integer",
            "description": "Status override (Chime)."
          },
          "drop": {
            "type": "boolean",
            "description": "Whether the connection is dropped."
          },
          "rate": {
            "type": "number",
            "minimum": 0,
            "maximum": 1,
            "description": "Share of requests affected."
          },
          "times": {
            "type": "integer",
            "minimum": 1,
            "description": "Most requests affected."
          },
          "seed": {
            "type": "integer",
            "description": "PRNG seed."
          }
        }
      },
      "FaultList": {
        "type": "object",
        "description": "The faults in force.",
        "required": [
          "faults"
        ],
        "additionalProperties": false,
        "properties": {
          "faults": {
            "type": "array",
            "description": "One entry per operation with a fault.",
            "items": {
              "$ref": "#/components/schemas/Fault"
            }
          }
        }
      },
      "TaskList": {
        "type": "object",
        "description": "Tasks by provider.",
        "required": [
          "trtc",
          "chime"
        ],
        "additionalProperties": false,
        "properties": {
          "trtc": {
            "type": "array",
            "description": "TRTC AI conversation tasks.",
            "items": {
              "$ref": "#/components/schemas/TrtcTask"
            }
          },
          "chime": {
            "type": "array",
            "description": "Chime speaker search tasks.",
            "items": {
              "$ref": "#/components/schemas/ChimeTask"
            }
          }
        }
      },
      "TrtcTask": {
        "type": "object",
        "description": "A TRTC AI conversation task.",
        "required": [
          "taskId",
          "account",
          "region",
          "status",
          "sdkAppId",
          "roomId",
          "userId",
          "targetUserId",
          "createdAt",
          "commands"
        ],
        "additionalProperties": false,
        "properties": {
          "taskId": {
            "type": "string",
            "description": "The TaskId."
          },
          "account": {
            "type": "string",
            "description": "The SecretId that started it."
          },
          "region": {
            "type": "string",
            "description": "The X-TC-Region of the start request."
          },
          "status": {
            "type": "string",
            "enum": [
              "Idle",
              "Preparing",
              "InProgress",
              "Stopped"
            ],
            "description": "Status now."
          },
          "sdkAppId": {
            "type": "integer",
            "description": "SdkAppId."
          },
          "roomId": {
            "type": "string",
            "description": "RoomId."
          },
          "userId": {
            "type": "string",
            "description": "The bot's UserId."
          },
          "targetUserId": {
            "type": "string",
            "description": "The user the bot listens to."
          },
          "sessionId": {
            "type": "string",
            "description": "SessionId, if one was given."
          },
          "createdAt": {
            "type": "string",
            "format": "date-time",
            "description": "Start time."
          },
          "endsAt": {
            "type": "string",
            "format": "date-time",
            "description": "When it stops (or stopped), if known."
          },
          "stopReason": {
            "type": "string",
            "enum": [
              "StopAIConversation",
              "StopAfterPlay",
              "Interrupted"
            ],
            "description": "Why it stopped early, if it did."
          },
          "commands": {
            "type": "integer",
            "minimum": 0,
            "description": "ControlAIConversation calls received."
          }
        }
      },
      "ChimeTask": {
        "type": "object",
        "description": "A Chime speaker search task.",
        "required": [
          "taskId",
          "account",
          "region",
          "status",
          "voiceConnectorId",
          "transactionId",
          "voiceProfileDomainId",
          "createdAt"
        ],
        "additionalProperties": false,
        "properties": {
          "taskId": {
            "type": "string",
            "description": "SpeakerSearchTaskId."
          },
          "account": {
            "type": "string",
            "description": "The access key id that started it."
          },
          "region": {
            "type": "string",
            "description": "The Region of its credential scope."
          },
          "status": {
            "type": "string",
            "enum": [
              "IN_QUEUE",
              "IN_PROGRESS",
              "SUCCEEDED",
              "STOPPED"
            ],
            "description": "Status now."
          },
          "voiceConnectorId": {
            "type": "string",
            "description": "VoiceConnectorId."
          },
          "transactionId": {
            "type": "string",
            "description": "TransactionId."
          },
          "voiceProfileDomainId": {
            "type": "string",
            "description": "VoiceProfileDomainId."
          },
          "createdAt": {
            "type": "string",
            "format": "date-time",
            "description": "Creation time."
          }
        }
      },
      "Journal": {
        "type": "object",
        "description": "Journal entries, oldest first.",
        "required": [
          "entries"
        ],
        "additionalProperties": false,
        "properties": {
          "entries": {
            "type": "array",
            "description": "The entries.",
            "items": {
              "$ref": "#/components/schemas/JournalEntry"
            }
          }
        }
      },
      "JournalEntry": {
        "type": "object",
        "description": "One answered provider request.",
        "required": [
          "requestId",
          "time",
          "provider",
          "method",
          "path",
          "status",
          "durationMs",
          "headers",
          "bodyBytes"
        ],
        "additionalProperties": false,
        "properties": {
          "requestId": {
            "type": "string",
            "description": "The RequestId the mock answered with."
          },
          "time": {
            "type": "string",
            "format": "date-time",
            "description": "Mock time of arrival."
          },
          "provider": {
            "type": "string",
            "enum": [
              "trtc",
              "chime"
            ],
            "description": "Which provider was addressed."
          },
          "operation": {
            "type": "string",
            "description": "The operation, once known."
          },
          "account": {
            "type": "string",
            "description": "The account, once authenticated."
          },
          "method": {
            "type": "string",
            "description": "HTTP method."
          },
          "path": {
            "type": "string",
            "description": "Path and query as received."
          },
          "status": {
            "type": "integer",
            "description": "HTTP status answered (0 for a dropped connection)."
          },
          "errorCode": {
            "type": "string",
            "description": "The provider error code, if the answer was an error."
          },
          "durationMs": {
            "type": "number",
            "description": "Processing time in ms."
          },
          "headers": {
            "type": "object",
            "description": "Request headers (lower-case names), secrets redacted.",
            "additionalProperties": {
              "anyOf": [
                {
                  "type": "string"
                },
                {
                  "type": "array",
                  "items": {
                    "type": "string"
                  }
                }
              ]
            }
          },
          "body": {
            "description": "The parsed JSON body, secrets redacted (absent when empty, not JSON or over 64 KiB)."
          },
          "bodyBytes": {
            "type": "integer",
            "minimum": 0,
            "description": "Body size in bytes."
          }
        }
      }
    }
  }
};
