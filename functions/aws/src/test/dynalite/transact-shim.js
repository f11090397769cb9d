#!/usr/bin/env node
// Test-only front for dynalite, which implements neither TransactWriteItems nor TransactGetItems.
//
// Every request is queued, so one completes before the next starts (the emulator is linearizable),
// and under that lock the two transaction operations are emulated with dynalite's own condition
// evaluation:
//   TransactWriteItems: for each operation in order, the operation runs as the real conditional
//     PutItem / UpdateItem / DeleteItem, which also returns the old item (ReturnValues ALL_OLD) for
//     the undo; a ConditionCheck runs as a conditional DeleteItem whose item is put back at once.
//     On the first ConditionalCheckFailed every
//     applied operation is undone from the saved items, and the answer is
//     TransactionCanceledException with CancellationReasons, in DynamoDB's wire format.
//   TransactGetItems: the GetItems one after the other, which the queue makes one snapshot.
// Nothing else is changed: every other request is passed to dynalite as it came.
//
// This is an emulation for the adapter tests only. On AWS (and LocalStack) the same requests reach
// DynamoDB's real transactions.
//
// Usage: node transact-shim.js --port <port> [--host <host>] [dynalite options...]

'use strict'

const http = require('http')
const crypto = require('crypto')
const crc32 = require('buffer-crc32')
const argv = require('minimist')(process.argv.slice(2))
const dynalite = require('dynalite')

const JSON_TYPE = 'application/x-amz-json-1.0'
const CONDITION_FAILED = 'ConditionalCheckFailedException'

const backend = dynalite({
  createTableMs: numberOr(argv.createTableMs, 500),
  deleteTableMs: numberOr(argv.deleteTableMs, 500),
  updateTableMs: numberOr(argv.updateTableMs, 500),
})

function numberOr (value, fallback) {
  return value === undefined ? fallback : Number(value)
}

let backendPort
let queue = Promise.resolve()
const keySchemas = new Map()

/** Runs task after every earlier one has finished: the emulator sees one request at a time. */
function serialized (task) {
  const run = queue.then(task, task)
  queue = run.catch(() => undefined)
  return run
}

/** Sends one request to dynalite; resolves to {status, headers, body}. */
function forward (headers, body, operation) {
  const outgoing = Object.assign({}, headers)
  delete outgoing['content-length']
  delete outgoing['transfer-encoding']
  if (operation) {
    outgoing['x-amz-target'] = 'DynamoDB_20120810.' + operation
    outgoing['content-type'] = JSON_TYPE
  }
  const payload = Buffer.from(body)
  outgoing['content-length'] = payload.length
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: backendPort, method: 'POST', path: '/', headers: outgoing },
      response => {
        const chunks = []
        response.on('data', chunk => chunks.push(chunk))
        response.on('end', () => resolve({
          status: response.statusCode,
          headers: response.headers,
          body: Buffer.concat(chunks),
        }))
        response.on('error', reject)
      })
    request.on('error', reject)
    request.end(payload)
  })
}

/** One DynamoDB operation on dynalite, with the caller's signature headers. */
async function call (headers, operation, input) {
  const answer = await forward(headers, JSON.stringify(input), operation)
  const body = answer.body.length ? JSON.parse(answer.body.toString()) : {}
  return { ok: answer.status === 200, status: answer.status, body }
}

function errorType (body) {
  return String(body.__type || '').split('#').pop()
}

async function keyOf (headers, tableName, item) {
  if (!keySchemas.has(tableName)) {
    const described = await call(headers, 'DescribeTable', { TableName: tableName })
    if (!described.ok) return null
    keySchemas.set(tableName, described.body.Table.KeySchema.map(k => k.AttributeName))
  }
  const key = {}
  for (const name of keySchemas.get(tableName)) key[name] = item[name]
  return key
}

function without (input, names) {
  const copy = Object.assign({}, input)
  names.forEach(name => delete copy[name])
  return copy
}

function answer (status, body) {
  return { status, headers: { 'content-type': JSON_TYPE }, body: Buffer.from(JSON.stringify(body)) }
}

function validation (message) {
  return answer(400, { __type: 'com.amazon.coral.validate#ValidationException', message })
}

async function transactWrite (headers, input) {
  const items = input.TransactItems
  if (!Array.isArray(items) || items.length < 1 || items.length > 100) {
    return validation('TransactItems must have between 1 and 100 items')
  }
  const planned = []
  const seen = new Set()
  for (const entry of items) {
    const kind = [ 'Put', 'Update', 'Delete', 'ConditionCheck' ].find(k => entry[k])
    if (!kind) return validation('Each TransactItem must have exactly one operation')
    const op = entry[kind]
    const key = kind === 'Put' ? await keyOf(headers, op.TableName, op.Item || {}) : op.Key
    if (!key) return validation('Requested resource not found')
    const identity = op.TableName + ' ' + JSON.stringify(Object.keys(key).sort().map(k => [ k, key[k] ]))
    if (seen.has(identity)) {
      return validation('Transaction request cannot include multiple operations on one item')
    }
    seen.add(identity)
    planned.push({ kind, op, key })
  }

  const applied = []
  for (let i = 0; i < planned.length; i++) {
    const { kind, op, key } = planned[i]
    // ALL_OLD hands back the item as it was, for the undo, without a read of its own.
    const input = Object.assign(without(op, [ 'ReturnValuesOnConditionCheckFailure' ]), { ReturnValues: 'ALL_OLD' })
    let result
    if (kind === 'Put') result = await call(headers, 'PutItem', input)
    else if (kind === 'Update') result = await call(headers, 'UpdateItem', input)
    else result = await call(headers, 'DeleteItem', input)
    if (!result.ok) {
      await undo(headers, applied)
      if (errorType(result.body) === CONDITION_FAILED) return cancelled(planned.length, i)
      return answer(result.status, result.body)
    }
    const old = result.body.Attributes
    applied.push({ table: op.TableName, key, old })
    if (kind === 'ConditionCheck' && old) {
      await call(headers, 'PutItem', { TableName: op.TableName, Item: old })
    }
  }
  return answer(200, {})
}

/** Puts back, newest first, the items the applied operations changed. */
async function undo (headers, applied) {
  for (const { table, key, old } of applied.reverse()) {
    if (old) await call(headers, 'PutItem', { TableName: table, Item: old })
    else await call(headers, 'DeleteItem', { TableName: table, Key: key })
  }
}

/** DynamoDB's answer to a transaction whose operation number failed its condition. */
function cancelled (count, failed) {
  const reasons = []
  for (let i = 0; i < count; i++) {
    reasons.push(i === failed
      ? { Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }
      : { Code: 'None' })
  }
  return answer(400, {
    __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
    Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [' +
      reasons.map(r => r.Code).join(', ') + ']',
    CancellationReasons: reasons,
  })
}

async function transactGet (headers, input) {
  const items = input.TransactItems
  if (!Array.isArray(items) || items.length < 1 || items.length > 100) {
    return validation('TransactItems must have between 1 and 100 items')
  }
  const responses = []
  for (const entry of items) {
    const get = entry.Get || {}
    const read = await call(headers, 'GetItem', Object.assign({}, get, { ConsistentRead: true }))
    if (!read.ok) return answer(read.status, read.body)
    responses.push(read.body.Item ? { Item: read.body.Item } : {})
  }
  return answer(200, { Responses: responses })
}

async function handle (headers, body) {
  const operation = String(headers['x-amz-target'] || '').split('.')[1]
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems') {
    let input
    try {
      input = JSON.parse(body.toString())
    }
    catch {
      return answer(400, { __type: 'com.amazon.coral.service#SerializationException' })
    }
    return operation === 'TransactWriteItems'
      ? transactWrite(headers, input)
      : transactGet(headers, input)
  }
  return forward(headers, body)
}

function send (res, result) {
  const headers = Object.assign({}, result.headers)
  delete headers['content-length']
  delete headers['transfer-encoding']
  delete headers.connection
  headers['content-length'] = result.body.length
  headers['x-amz-crc32'] = crc32.unsigned(result.body)
  if (!headers['x-amzn-requestid']) headers['x-amzn-requestid'] = crypto.randomBytes(26).toString('hex')
  res.writeHead(result.status, headers)
  res.end(result.body)
}

const front = http.createServer((req, res) => {
  const chunks = []
  req.on('data', chunk => chunks.push(chunk))
  req.on('end', () => {
    const body = Buffer.concat(chunks)
    const headers = req.headers
    if (req.method !== 'POST') {
      // Health checks and the like: no state is touched, no need to queue.
      forwardAny(req.method, headers, body).then(r => send(res, r), e => failed(res, e))
      return
    }
    serialized(() => handle(headers, body)).then(r => send(res, r), e => failed(res, e))
  })
})

function forwardAny (method, headers, body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port: backendPort, method, path: '/', headers },
      response => {
        const chunks = []
        response.on('data', chunk => chunks.push(chunk))
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }))
      })
    request.on('error', reject)
    request.end(body)
  })
}

function failed (res, error) {
  console.error('[transact-shim]', error)
  send(res, answer(500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: String(error) }))
}

backend.listen(0, '127.0.0.1', () => {
  backendPort = backend.address().port
  front.listen(Number(argv.port || 4567), argv.host || '127.0.0.1', () => {
    console.log('transact-shim listening at http://%s:%d (dynalite at port %d)',
      argv.host || '127.0.0.1', front.address().port, backendPort)
  })
})
